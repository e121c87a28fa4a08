import { getTranslations } from "next-intl/server";
import { eventKey } from "@/components/deliveries/event-label";
import type { EventCount } from "@/db/queries/overview";
import { type BucketLabel, CHART, ChartFrame, Legend, niceMax, PLOT_H, PLOT_W } from "./chart-frame";
import { NumbersTable } from "./numbers-table";

// 알림 추이: alerts per bucket, stacked by event, and the same counts as a table.

const EVENT_COLORS: Record<string, string> = {
  "message.submitted": "#2f5bea",
  "session.waiting": "#e08a00",
  "session.assigned": "#1c9a5a",
};
const OTHER_COLOR = "#8a94a3";

export async function AlertsChart({ rows, buckets }: { rows: EventCount[]; buckets: BucketLabel[] }) {
  const t = await getTranslations();
  const order = (e: string) => (e in EVENT_COLORS ? Object.keys(EVENT_COLORS).indexOf(e) : 99);
  const events = [...new Set(rows.map((r) => r.event))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const count = (bucket: number, event: string) => rows.find((r) => r.bucket === bucket && r.event === event)?.alerts ?? 0;
  const totals = buckets.map((_, i) => events.reduce((sum, e) => sum + count(i, e), 0));
  const max = niceMax(Math.max(0, ...totals));
  const step = PLOT_W / buckets.length;
  const name = (event: string) => t(`log.${eventKey(event)}`);
  return (
    <section className="card overview-card" aria-labelledby="ov-alerts">
      <h2 id="ov-alerts">{t("overview.alerts.title")}</h2>
      <Legend items={events.map((e) => ({ label: name(e), color: EVENT_COLORS[e] ?? OTHER_COLOR }))} />
      <ChartFrame max={max} buckets={buckets}>
        {buckets.map((_, i) => {
          let y = CHART.top + PLOT_H;
          return events.map((e) => {
            const h = (count(i, e) / max) * PLOT_H;
            y -= h;
            return h > 0 ? (
              <rect
                key={`${buckets[i]?.full}-${e}`}
                x={CHART.left + i * step + step * 0.15}
                y={y}
                width={step * 0.7}
                height={h}
                fill={EVENT_COLORS[e] ?? OTHER_COLOR}
              />
            ) : null;
          });
        })}
      </ChartFrame>
      <NumbersTable
        testId="alerts-table"
        caption={t("overview.alerts.title")}
        empty={totals.every((n) => n === 0) ? t("overview.none") : null}
        head={
          <>
            <th scope="col">{t("overview.time")}</th>
            {events.map((e) => (
              <th scope="col" key={e}>
                {name(e)}
              </th>
            ))}
            <th scope="col">{t("overview.total")}</th>
          </>
        }
      >
        {buckets.map((bucket, i) =>
          totals[i] > 0 ? (
            <tr key={bucket.full}>
              <th scope="row">{bucket.full}</th>
              {events.map((e) => (
                <td key={e}>{count(i, e)}</td>
              ))}
              <td>{totals[i]}</td>
            </tr>
          ) : null,
        )}
      </NumbersTable>
    </section>
  );
}
