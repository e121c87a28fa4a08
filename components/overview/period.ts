import type { OverviewWindow } from "@/db/queries/overview";
import { wallClock, zonedTimeToMs } from "@/lib/time/zoned";

// The 개요 periods and their buckets, aligned to the workspace time zone's wall clock: 24시간 =
// the current hour and the 23 before, 7일 = 28 six-hour buckets starting at 00/06/12/18 o'clock,
// 30일 = today and the 29 days before. Buckets are fixed widths from the first one's start, so
// across a daylight-saving change a day bucket is off by that hour (Asia/Seoul has none).

export const PERIODS = ["24h", "7d", "30d"] as const;
export type Period = (typeof PERIODS)[number];

const HOUR = 3_600_000;
const SPEC: Record<Period, { bucketHours: number; buckets: number }> = {
  "24h": { bucketHours: 1, buckets: 24 },
  "7d": { bucketHours: 6, buckets: 28 },
  "30d": { bucketHours: 24, buckets: 30 },
};

export function parsePeriod(value: unknown): Period {
  return (PERIODS as readonly unknown[]).includes(value) ? (value as Period) : "24h";
}

export function periodWindow(period: Period, now: number, timeZone: string): OverviewWindow {
  const { bucketHours, buckets } = SPEC[period];
  const w = wallClock(now, timeZone);
  const hour = w.hour - (w.hour % bucketHours);
  const currentStart = zonedTimeToMs({ year: w.year, month: w.month, day: w.day, hour, minute: 0 }, timeZone);
  const bucketMs = bucketHours * HOUR;
  return { from: currentStart - (buckets - 1) * bucketMs, bucketMs, buckets };
}
