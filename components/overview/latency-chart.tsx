import { getTranslations } from "next-intl/server";
import type { NotifyLatency } from "@/db/queries/overview";
import { MESSENGER_IDS } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";
import { type BucketLabel, CHART, ChartFrame, Legend, niceMax, PLOT_H, PLOT_W } from "./chart-frame";
import { NumbersTable } from "./numbers-table";

// 알림까지 걸린 시간: p50 (solid) and p95 (dashed) per messenger over time, and the table.

// Each messenger's line colour is in its definition (lib/messengers/<id>/meta.ts).
export const MESSENGER_COLORS: Record<string, string> = Object.fromEntries(MESSENGER_IDS.map((id) => [id, messengerMeta[id].chartColor]));

export async function LatencyChart({ rows, buckets }: { rows: NotifyLatency[]; buckets: BucketLabel[] }) {
  const t = await getTranslations();
  const messengers = Object.keys(MESSENGER_COLORS).filter((m) => rows.some((r) => r.messenger === m));
  const max = niceMax(Math.max(0, ...rows.map((r) => r.p95)));
  const step = PLOT_W / buckets.length;
  const x = (r: NotifyLatency) => CHART.left + r.bucket * step + step / 2;
  const y = (value: number) => CHART.top + PLOT_H - (value / max) * PLOT_H;
  // A line breaks where a bucket has no deliveries: consecutive buckets only are joined.
  const paths = (list: NotifyLatency[], pick: (r: NotifyLatency) => number) =>
    list.map((r, i) => `${i > 0 && list[i - 1].bucket === r.bucket - 1 ? "L" : "M"}${x(r)},${y(pick(r))}`).join(" ");
  const name = (m: string) => t(`messengers.${m as "slack"}.name`);
  return (
    <section className="card overview-card" aria-labelledby="ov-latency">
      <h2 id="ov-latency">{t("overview.latency.title")}</h2>
      <p className="hint">{t("overview.latency.lead")}</p>
      <Legend
        items={[
          ...messengers.map((m) => ({ label: name(m), color: MESSENGER_COLORS[m] })),
          { label: "p50", color: "#5b6470" },
          { label: "p95", color: "#5b6470", dashed: true },
        ]}
      />
      <ChartFrame max={max} buckets={buckets} yUnit="ms">
        {messengers.map((m) => {
          const list = rows.filter((r) => r.messenger === m);
          return (
            <g key={m} stroke={MESSENGER_COLORS[m]} fill={MESSENGER_COLORS[m]}>
              <path d={paths(list, (r) => r.p50)} fill="none" strokeWidth={2} />
              <path d={paths(list, (r) => r.p95)} fill="none" strokeWidth={1.5} strokeDasharray="5 4" />
              {/* a lone point has no line to show it */}
              {list.map((r, i) =>
                list[i - 1]?.bucket !== r.bucket - 1 && list[i + 1]?.bucket !== r.bucket + 1 ? (
                  <circle key={r.bucket} r={3} cx={x(r)} cy={y(r.p50)} />
                ) : null,
              )}
            </g>
          );
        })}
      </ChartFrame>
      <NumbersTable
        testId="latency-table"
        caption={t("overview.latency.title")}
        empty={rows.length === 0 ? t("overview.none") : null}
        head={
          <>
            <th scope="col">{t("overview.time")}</th>
            <th scope="col">{t("log.filters.messenger")}</th>
            <th scope="col">{t("overview.latency.count")}</th>
            <th scope="col">p50 (ms)</th>
            <th scope="col">p95 (ms)</th>
          </>
        }
      >
        {rows.map((r) => (
          <tr key={`${r.bucket}-${r.messenger}`}>
            <th scope="row">{buckets[r.bucket]?.full}</th>
            <td>{name(r.messenger)}</td>
            <td>{r.count}</td>
            <td>{r.p50}</td>
            <td>{r.p95}</td>
          </tr>
        ))}
      </NumbersTable>
    </section>
  );
}
