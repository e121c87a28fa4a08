import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_PAGE, listAuditEvents } from "@/db/queries/audit";
import { requireUser } from "@/lib/auth/current-user";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireUser();
  const [t, format, { before }] = await Promise.all([getTranslations("audit"), getFormatter(), searchParams]);
  const beforeId = /^\d{1,12}$/.test(before ?? "") ? Number(before) : undefined;
  const events = listAuditEvents(beforeId);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="card" style={{ overflowX: "auto" }}>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t("columns.time")}</th>
              <th scope="col">{t("columns.actor")}</th>
              <th scope="col">{t("columns.action")}</th>
              <th scope="col">{t("columns.target")}</th>
              <th scope="col">{t("columns.address")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td style={{ whiteSpace: "nowrap" }}>{format.dateTime(e.at, "second")}</td>
                <td>{e.actor ?? t("system")}</td>
                <td>
                  {t.has(`actions.${e.action.replace(".", "_")}` as "actions.auth_sign_in")
                    ? t(`actions.${e.action.replace(".", "_")}` as "actions.auth_sign_in")
                    : e.action}
                  {e.detail ? <div className="hint">{e.detail}</div> : null}
                </td>
                <td>{e.targetName ?? e.targetId ?? "—"}</td>
                <td>{e.address ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === AUDIT_PAGE ? (
        <p style={{ marginTop: 16 }}>
          <Link className="btn" href={`/settings/audit?before=${events[events.length - 1]?.id}`}>
            {t("older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
