import { getTranslations } from "next-intl/server";
import type { DestinationOutcome } from "@/db/queries/overview";
import { Legend } from "./chart-frame";
import { NumbersTable } from "./numbers-table";

// 알림별 결과: each destination's deliveries by outcome as a bar, and its health now. The table
// is the chart: each row carries its bar (aria-hidden) beside the numbers.

const OUTCOMES = [
  { key: "delivered", color: "#1c9a5a" },
  { key: "retrying", color: "#e08a00" },
  { key: "waiting", color: "#9aa5b4" },
  { key: "failed", color: "#c8322f" },
  { key: "held", color: "#6b4fd8" },
] as const;

export async function OutcomesTable({ rows, skipped }: { rows: DestinationOutcome[]; skipped: number }) {
  const t = await getTranslations();
  const total = (r: DestinationOutcome) => OUTCOMES.reduce((sum, o) => sum + r[o.key], 0);
  return (
    <section className="card overview-card overview-full" aria-labelledby="ov-outcomes">
      <h2 id="ov-outcomes">{t("overview.outcomes.title")}</h2>
      <p className="hint">{t("overview.outcomes.skipped", { count: skipped })}</p>
      <Legend items={OUTCOMES.map((o) => ({ label: t(`overview.outcomes.${o.key}`), color: o.color }))} />
      <NumbersTable
        testId="outcomes-table"
        caption={t("overview.outcomes.title")}
        wide
        empty={rows.length === 0 ? t("overview.none") : null}
        head={
          <>
            <th scope="col">{t("log.filters.destination")}</th>
            <th scope="col">{t("overview.outcomes.health")}</th>
            <th scope="col" className="bar-cell">
              <span className="visually-hidden">{t("overview.outcomes.bar")}</span>
            </th>
            {OUTCOMES.map((o) => (
              <th scope="col" key={o.key} className="num">
                {t(`overview.outcomes.${o.key}`)}
              </th>
            ))}
          </>
        }
      >
        {rows.map((r) => {
          const n = total(r);
          return (
            <tr key={r.destinationId}>
              <th scope="row">
                {r.name ?? t("log.deletedDestination")}
                <div className="hint">{t(`messengers.${r.messenger as "slack"}.name`)}</div>
              </th>
              <td>
                <span className={`badge health-${r.health}`}>{t(`overview.health.${r.health}`)}</span>
              </td>
              <td className="bar-cell">
                <svg className="outcome-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  {n === 0 ? <rect width={100} height={10} fill="#eef1f5" /> : null}
                  {
                    OUTCOMES.reduce<{ x: number; parts: React.ReactNode[] }>(
                      (acc, o) => {
                        const w = n === 0 ? 0 : (r[o.key] / n) * 100;
                        if (w > 0) acc.parts.push(<rect key={o.key} x={acc.x} width={w} height={10} fill={o.color} />);
                        return { x: acc.x + w, parts: acc.parts };
                      },
                      { x: 0, parts: [] },
                    ).parts
                  }
                </svg>
              </td>
              {OUTCOMES.map((o) => (
                <td key={o.key} className="num">
                  {r[o.key]}
                </td>
              ))}
            </tr>
          );
        })}
      </NumbersTable>
    </section>
  );
}
