import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { countUsers } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/schemas";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (countUsers() === 0) redirect("/setup");
  if (await getCurrentUser()) redirect("/settings/integrations/alerts");
  const [t, { next }] = await Promise.all([getTranslations("auth.login"), searchParams]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <LoginForm next={safeNextPath(next)} />
    </>
  );
}
