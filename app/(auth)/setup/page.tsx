import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/db/queries/users";

export default async function SetupPage() {
  // Once an admin exists this page is gone: nobody can create a second "first" admin.
  if (countUsers() > 0) redirect("/login");
  const t = await getTranslations("auth.setup");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <SetupForm />
    </>
  );
}
