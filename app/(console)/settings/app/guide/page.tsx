import { getTranslations } from "next-intl/server";
import { GuideSettingsForm } from "@/components/settings/guide-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSettings } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/current-user";

export default async function GuideSettingsPage() {
  const user = await requireUser();
  const t = await getTranslations("guideSettings");
  const { notifyMessageSubmitted, notifySessionWaiting, notifySessionAssigned, alertLocale, timeZone } = getSettings();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <section className="card" style={{ padding: 24, maxWidth: 720 }}>
        <GuideSettingsForm
          initial={{ notifyMessageSubmitted, notifySessionWaiting, notifySessionAssigned, alertLocale, timeZone }}
          timeZones={Intl.supportedValuesOf("timeZone")}
          readOnly={user.role !== "admin"}
        />
      </section>
    </>
  );
}
