import { getTranslations } from "next-intl/server";
import { ConsoleNav } from "@/components/console/console-nav";
import { NavMenu } from "@/components/console/nav-menu";
import { LanguageSwitch } from "@/components/language-switch";
import { requireUser } from "@/lib/auth/current-user";
import { signOut } from "./actions";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  return (
    <div className="shell">
      <aside className="sidebar">
        <a className="brand" href="/settings/integrations/alerts">
          {t("common.appName")}
        </a>
        <NavMenu label={t("nav.menu")}>
          <ConsoleNav isAdmin={user.role === "admin"} />
        </NavMenu>
      </aside>
      <div className="main">
        <header className="topbar">
          <ConsoleNav variant="breadcrumb" />
          <div className="topbar-actions">
            <LanguageSwitch />
            <span>
              {t("nav.signedInAs", { email: user.email })} · {t(`accounts.roles.${user.role}`)}
            </span>
            <form action={signOut}>
              <button type="submit" className="btn">
                {t("nav.logout")}
              </button>
            </form>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
