"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

// The settings menu mirrors the product: 설정 > 연동 > 추가 알림. Later pages join these groups.
const GROUPS = [
  {
    title: "integrations",
    links: [
      { href: "/settings/integrations/alerts", label: "alerts" },
      { href: "/settings/integrations/email", label: "emailServer" },
      { href: "/settings/api-keys", label: "apiKeys" },
    ],
  },
  { title: "appManagement", links: [{ href: "/settings/app/guide", label: "guide" }] },
  {
    title: "monitoring",
    links: [
      { href: "/overview", label: "overview" },
      { href: "/deliveries", label: "deliveries" },
    ],
  },
  {
    title: "security",
    links: [
      { href: "/settings/audit", label: "audit" },
      { href: "/settings/accounts", label: "accounts" },
      { href: "/settings/password", label: "password" },
    ],
  },
] as const;

const ADMIN_ONLY = new Set<string>(["/settings/accounts"]);

export function ConsoleNav({ variant = "sidebar", isAdmin = true }: { variant?: "sidebar" | "breadcrumb"; isAdmin?: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  if (variant === "breadcrumb") {
    const group = GROUPS.find((g) => g.links.some((l) => isCurrent(l.href)));
    const link = group?.links.find((l) => isCurrent(l.href));
    return (
      <nav aria-label={t("breadcrumb")}>
        <ol className="breadcrumb">
          <li>{t("settings")}</li>
          {group ? <li>{t(group.title)}</li> : null}
          {link ? <li>{t(link.label)}</li> : null}
        </ol>
      </nav>
    );
  }

  return (
    <nav aria-label={t("main")}>
      {GROUPS.map((group) => (
        <div className="nav-group" key={group.title}>
          <div className="nav-group-title">
            {t("settings")} · {t(group.title)}
          </div>
          {group.links
            .filter((link) => isAdmin || !ADMIN_ONLY.has(link.href))
            .map((link) => (
              <Link key={link.href} href={link.href} className="nav-link" aria-current={isCurrent(link.href) ? "page" : undefined}>
                {t(link.label)}
              </Link>
            ))}
        </div>
      ))}
    </nav>
  );
}
