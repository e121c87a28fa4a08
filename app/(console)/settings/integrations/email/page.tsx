import { getTranslations } from "next-intl/server";
import { SmtpSettingsForm } from "@/components/settings/smtp-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSmtpSettings } from "@/db/queries/smtp-settings";
import { requireUser } from "@/lib/auth/current-user";
import { allowLoopbackWebhooks } from "@/lib/env";

export default async function EmailServerPage() {
  const user = await requireUser();
  const t = await getTranslations("smtpSettings");
  const saved = getSmtpSettings();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <section className="card" style={{ padding: 24, maxWidth: 720 }}>
        <SmtpSettingsForm
          // The password never leaves the server: the form learns only whether one is saved.
          initial={
            saved
              ? {
                  host: saved.host,
                  port: saved.port,
                  security: saved.security,
                  username: saved.username ?? "",
                  fromAddress: saved.fromAddress,
                  fromName: saved.fromName,
                  hasPassword: saved.password !== null,
                }
              : null
          }
          allowPlain={allowLoopbackWebhooks()}
          readOnly={user.role !== "admin"}
        />
      </section>
    </>
  );
}
