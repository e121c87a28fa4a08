import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FailureReason } from "@/db/queries/overview";
import { hintForCode } from "@/lib/delivery/hints";

// 실패 사유: the messenger's code, the one-line fix (the same hints as 테스트 전송), and a link
// to 발송 기록 filtered to that messenger's failures in the period.

export async function FailuresTable({ rows, logQuery }: { rows: FailureReason[]; logQuery: { from: string; to: string } }) {
  const t = await getTranslations();
  const href = (messenger: string) => `/deliveries?${new URLSearchParams({ messenger, status: "failed", ...logQuery })}`;
  return (
    <section className="card overview-card overview-full" aria-labelledby="ov-failures">
      <h2 id="ov-failures">{t("overview.failures.title")}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t("overview.failures.none")}</p>
      ) : (
        <div className="overview-table wide">
          <table className="list compact" data-testid="failures-table">
            <thead>
              <tr>
                <th scope="col">{t("log.filters.messenger")}</th>
                <th scope="col">{t("overview.failures.code")}</th>
                <th scope="col">{t("overview.failures.hint")}</th>
                <th scope="col" className="num">
                  {t("overview.failures.count")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("overview.failures.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const hint = hintForCode(r.messenger, r.code);
                const messenger = t(`messengers.${r.messenger as "slack"}.name`);
                return (
                  <tr key={`${r.messenger}-${r.code}`}>
                    <td>{messenger}</td>
                    <td>
                      <code>{r.code}</code>
                    </td>
                    <td>{hint ? t(`test.hints.${hint}` as "test.hints.unknown") : "—"}</td>
                    <td className="num">{r.count}</td>
                    <td className="nowrap">
                      <Link href={href(r.messenger)} aria-label={t("overview.failures.openFor", { messenger, code: r.code })}>
                        {t("overview.failures.open")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
