import Link from "next/link";
import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { AlertsChart } from "@/components/overview/alerts-chart";
import type { BucketLabel } from "@/components/overview/chart-frame";
import { FailuresTable } from "@/components/overview/failures-table";
import { LatencyChart } from "@/components/overview/latency-chart";
import { OutcomesTable } from "@/components/overview/outcomes-table";
import { PERIODS, type Period, parsePeriod, periodWindow } from "@/components/overview/period";
import { PageHeader } from "@/components/ui/page-header";
import { alertsByEvent, failureReasons, notifyLatency, outcomesByDestination } from "@/db/queries/overview";
import { getSettings } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/current-user";
import { wallClock } from "@/lib/time/zoned";

// 설정 › 모니터링 › 개요: what happened to the alerts of the last 24 hours, 7 or 30 days. Readable
// by 관리자 and 뷰어. Every number comes aggregated from SQL (db/queries/overview.ts).

const AXIS: Record<Period, DateTimeFormatOptions> = {
  "24h": { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  "7d": { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  "30d": { month: "numeric", day: "numeric" },
};
const FULL: Record<Period, DateTimeFormatOptions> = {
  "24h": { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  "7d": { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  "30d": { year: "numeric", month: "numeric", day: "numeric", weekday: "short" },
};

function isoDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await requireUser();
  const [t, format, search] = await Promise.all([getTranslations("overview"), getFormatter(), searchParams]);
  const period = parsePeriod(search.period);
  const { timeZone } = getSettings();
  const now = Date.now();
  const window = periodWindow(period, now, timeZone);
  const buckets: BucketLabel[] = Array.from({ length: window.buckets }, (_, i) => {
    const start = window.from + i * window.bucketMs;
    return { axis: format.dateTime(start, AXIS[period]), full: format.dateTime(start, FULL[period]) };
  });
  const events = alertsByEvent(window);
  const outcomes = outcomesByDestination(window);
  const latency = notifyLatency(window);
  const failures = failureReasons(window);
  const total = events.reduce((sum, r) => sum + r.alerts, 0);
  const skipped = events.reduce((sum, r) => sum + r.skipped, 0);
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead", { timeZone })}
        action={
          <Link className="btn" href="/deliveries">
            {t("openLog")}
          </Link>
        }
      />
      <nav className="period-switch" aria-label={t("period.label")}>
        {PERIODS.map((p) => (
          <Link key={p} href={`/overview?period=${p}`} className="btn" aria-current={p === period ? "page" : undefined}>
            {t(`period.${p}`)}
          </Link>
        ))}
        <span className="hint" data-testid="overview-range">
          {t("range", {
            from: format.dateTime(window.from, "minute"),
            to: format.dateTime(window.from + window.buckets * window.bucketMs, "minute"),
          })}
        </span>
      </nav>
      <p className="overview-summary" data-testid="overview-summary">
        {t("summary", { total, skipped, failed: outcomes.reduce((sum, r) => sum + r.failed, 0) })}
      </p>
      <div className="overview-grid">
        <AlertsChart rows={events} buckets={buckets} />
        <LatencyChart rows={latency} buckets={buckets} />
        <OutcomesTable rows={outcomes} skipped={skipped} />
        <FailuresTable rows={failures} logQuery={{ from: isoDate(window.from, timeZone), to: isoDate(now, timeZone) }} />
      </div>
    </>
  );
}
