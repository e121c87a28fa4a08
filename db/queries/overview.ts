import { getDb } from "../client";
import { prepared } from "../prepared";
import {
  addLatencyHours,
  addTo,
  type Histogram,
  latencyRows,
  outcomeCounts,
  percentileOf,
  STATS_SQL,
  splitByHours,
} from "./overview-stats";

// The 개요 aggregates. Every number is computed by SQLite; only aggregates come back, never
// rows. Alerts per event are index range counts (one seek per bucket and event). Deliveries by
// outcome, failures by reason and the time-to-notify histograms are hourly counters kept by
// triggers (overview-stats.ts), summed over the period: a few thousand rows for 30 days
// whatever the deliveries table holds.
//
// better-sqlite3 binds JS numbers as REAL: every bound number is cast to integer, or bucket
// arithmetic would be fractional.

/** Fixed-width buckets: bucket i covers [from + i·bucketMs, from + (i+1)·bucketMs). */
export interface OverviewWindow {
  from: number;
  bucketMs: number;
  buckets: number;
}

const BUCKETS_CTE = `buckets(i, start) as (
    select 0, cast(@from as integer)
    union all select i + 1, start + cast(@bucketMs as integer) from buckets where i + 1 < cast(@buckets as integer))`;

function params(w: OverviewWindow) {
  return { from: w.from, bucketMs: w.bucketMs, buckets: w.buckets };
}

function windowEnd(w: OverviewWindow): number {
  return w.from + w.bucketMs * w.buckets;
}

export interface EventCount {
  bucket: number;
  event: string;
  alerts: number;
  skipped: number;
}

/** Alerts accepted per bucket and event (including skipped ones, also counted apart). Zero rows left out. */
export function alertsByEvent(w: OverviewWindow): EventCount[] {
  const statement = prepared(getDb(), "overviewAlertsByEvent", (db) => db.$client.prepare(SQL.alertsByEvent));
  return statement.all(params(w)) as EventCount[];
}

export interface DestinationOutcome {
  destinationId: string;
  /** null when the destination was deleted since */
  name: string | null;
  messenger: string;
  delivered: number;
  /** pending after at least one failed attempt */
  retrying: number;
  /** pending, not tried yet */
  waiting: number;
  failed: number;
  /** pending while the destination is paused (자동 중지): waits for 다시 사용 */
  held: number;
  health: "ok" | "failing" | "paused" | "off" | "deleted";
}

/** Each destination's deliveries in the window by outcome, with its health now. */
export function outcomesByDestination(w: OverviewWindow): DestinationOutcome[] {
  const db = getDb();
  const counts = new Map<string, { messenger: string; delivered: number; failed: number; retrying: number; waiting: number }>();
  for (const r of outcomeCounts(db, w.from, windowEnd(w))) {
    const c = counts.get(r.destinationId) ?? { messenger: r.messenger, delivered: 0, failed: 0, retrying: 0, waiting: 0 };
    c[r.outcome] += r.n;
    counts.set(r.destinationId, c);
  }
  const destinations = prepared(db, "overviewDestinations", (db) => db.$client.prepare(SQL.destinations)).all() as {
    id: string;
    name: string;
    messenger: string;
    enabled: number;
    pausedAt: number | null;
    consecutiveFailures: number;
  }[];
  const none = { delivered: 0, failed: 0, retrying: 0, waiting: 0 };
  const known = destinations.map((s): DestinationOutcome => {
    const c = counts.get(s.id) ?? none;
    counts.delete(s.id);
    const paused = s.pausedAt !== null;
    const health = !s.enabled ? "off" : paused ? "paused" : s.consecutiveFailures > 0 ? "failing" : "ok";
    return {
      destinationId: s.id,
      name: s.name,
      messenger: s.messenger,
      delivered: c.delivered,
      failed: c.failed,
      retrying: paused ? 0 : c.retrying,
      waiting: paused ? 0 : c.waiting,
      held: paused ? c.retrying + c.waiting : 0,
      health,
    };
  });
  // Destinations deleted since: their deliveries still count (none of theirs can be held).
  const deleted = [...counts]
    .filter(([, c]) => c.delivered + c.failed + c.retrying + c.waiting > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, c]): DestinationOutcome => ({ destinationId: id, name: null, ...c, held: 0, health: "deleted" }));
  return [...known, ...deleted];
}

export interface NotifyLatency {
  bucket: number;
  messenger: string;
  count: number;
  p50: number;
  p95: number;
}

/**
 * Time to notify (delivered_at − accepted) per bucket and messenger, nearest-rank p50 and p95
 * (the value at rank ⌈p·n/100⌉), read from the hourly latency histograms: each value is its
 * bin's middle, within 5 % of the exact percentile (bins are 5 % wide). Counts are exact.
 */
export function notifyLatency(w: OverviewWindow): NotifyLatency[] {
  const db = getDb();
  const groups = new Map<string, { bucket: number; messenger: string; bins: Histogram }>();
  const group = (bucket: number, messenger: string) => {
    const key = `${bucket} ${messenger}`;
    let g = groups.get(key);
    if (!g) {
      g = { bucket, messenger, bins: [] };
      groups.set(key, g);
    }
    return g.bins;
  };
  const split = Array.from({ length: w.buckets }, (_, i) => splitByHours(w.from + i * w.bucketMs, w.from + (i + 1) * w.bucketMs));
  const all = splitByHours(w.from, windowEnd(w)).hours;
  if (all) {
    addLatencyHours(db, all, (hourStart, messenger) => {
      const bucket = Math.floor((hourStart - w.from) / w.bucketMs);
      const inside = split[bucket]?.hours;
      // An hour across a bucket's edge is read from its rows below, with the edge.
      return inside && hourStart >= inside[0] && hourStart < inside[1] ? group(bucket, messenger) : null;
    });
  }
  split.forEach(({ edges }, bucket) => {
    for (const edge of edges) for (const r of latencyRows(db, edge)) addTo(group(bucket, r.messenger), r.bin, r.n);
  });
  return [...groups.values()]
    .map(({ bucket, messenger, bins }) => {
      const count = bins.reduce((a, b) => a + (b ?? 0), 0);
      return { bucket, messenger, count, p50: percentileOf(bins, count, 50), p95: percentileOf(bins, count, 95) };
    })
    .filter((r) => r.count > 0)
    .sort((a, b) => a.bucket - b.bucket || (a.messenger < b.messenger ? -1 : a.messenger > b.messenger ? 1 : 0));
}

export interface FailureReason {
  messenger: string;
  /** the messenger's code, or http_<status>, or "network" */
  code: string;
  count: number;
}

/** Failed deliveries in the window by messenger and reason, most frequent first. */
export function failureReasons(w: OverviewWindow): FailureReason[] {
  const byReason = new Map<string, FailureReason>();
  for (const r of outcomeCounts(getDb(), w.from, windowEnd(w))) {
    if (r.outcome !== "failed") continue;
    const key = `${r.messenger} ${r.code}`;
    const f = byReason.get(key) ?? { messenger: r.messenger, code: r.code, count: 0 };
    f.count += r.n;
    byReason.set(key, f);
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byReason.values()]
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || text(a.messenger, b.messenger) || text(a.code, b.code));
}

/** The statements, exported so a test can check their query plans use the indexes. */
export const SQL = {
  ...STATS_SQL,
  // The events present: a loose index scan, one probe per distinct event.
  alertsByEvent: `with recursive events(event) as (
     select min(event) from alerts
     union all select (select min(event) from alerts where event > events.event) from events where event is not null),
   ${BUCKETS_CTE}
   select bucket, event, alerts, skipped from (
     select b.i as bucket, e.event,
            (select count(*) from alerts a where a.event = e.event and a.created_at >= b.start and a.created_at < b.start + cast(@bucketMs as integer)) as alerts,
            (select count(*) from alerts a where a.event = e.event and a.created_at >= b.start and a.created_at < b.start + cast(@bucketMs as integer) and a.status in ('skipped', 'unmatched')) as skipped
     from events e, buckets b where e.event is not null)
   where alerts > 0 order by bucket, event`,
  destinations: `select id, name, messenger, enabled, paused_at as pausedAt, consecutive_failures as consecutiveFailures
   from destinations order by name, id`,
};
