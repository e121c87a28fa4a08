import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="auth">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand">{t("appName")}</span>
          <LanguageSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}
