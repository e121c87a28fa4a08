import { getTranslations } from "next-intl/server";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";

export default async function PasswordPage() {
  const user = await requireUser();
  const t = await getTranslations("passwordChange");
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { email: user.email })} />
      <section className="card" style={{ padding: 24, maxWidth: 560 }}>
        <PasswordChangeForm />
      </section>
    </>
  );
}
