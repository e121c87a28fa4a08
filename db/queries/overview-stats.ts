import type { Db } from "../client";
import { prepared } from "../prepared";

// How the 개요 counts are read: whole UTC hours from the counters the triggers of migration
// 0010_overview_rollups keep (delivery_outcome_stats, delivery_latency_stats), and any partial
// hour at a window's or bucket's edge from the deliveries themselves. The page's windows start
// on the workspace's whole hours, so in a whole-hour time zone (Asia/Seoul) nothing is read
// from deliveries; elsewhere (UTC+5:30) only the edges' half hours are.
//
// The expressions below are the triggers' own (same text), so an hour read either way counts
// the same; db/queries/overview-stats.test.ts checks it.

export const HOUR_MS = 3_600_000;

const OUTCOME = `case d.status when 'pending' then case when d.attempts > 0 then 'retrying' else 'waiting' end else d.status end`;
const CODE = `case when d.status = 'failed' then coalesce(d.last_code, 'http_' || d.last_status, 'network') else '' end`;
const BIN = `case when d.delivered_at - d.created_at < 1 then 0 else 1 + cast(ln(d.delivered_at - d.created_at) / ln(1.05) as integer) end`;

/** A half-open time range [lo, hi) of deliveries.created_at. */
export type Range = readonly [lo: number, hi: number];

/** [lo, hi) as the whole hours inside it (null if none) and the partial pieces left over. */
export function splitByHours(lo: number, hi: number): { hours: Range | null; edges: Range[] } {
  const a = Math.ceil(lo / HOUR_MS) * HOUR_MS;
  const b = Math.floor(hi / HOUR_MS) * HOUR_MS;
  if (a >= b) return { hours: null, edges: lo < hi ? [[lo, hi]] : [] };
  return {
    hours: [a, b],
    edges: (
      [
        [lo, a],
        [b, hi],
      ] as Range[]
    ).filter(([x, y]) => x < y),
  };
}

export interface OutcomeCount {
  destinationId: string;
  messenger: string;
  outcome: "delivered" | "failed" | "retrying" | "waiting";
  code: string;
  n: number;
}

// Every delivery of a range, read per destination id on the queue index (a loose index scan
// over its distinct ids, deleted destinations included): one range probe per id and status.
const IDS = `with recursive ids(id) as (
     select min(destination_id) from deliveries
     union all select (select min(destination_id) from deliveries where destination_id > ids.id) from ids where id is not null)`;
const RANGE = `d.created_at >= cast(@lo as integer) and d.created_at < cast(@hi as integer)`;
const SETTLED_IN_RANGE = `d.destination_id = ids.id and d.status in ('delivered', 'failed') and ${RANGE}`;
const PENDING_IN_RANGE = `d.destination_id = ids.id and d.status = 'pending' and ${RANGE}`;

export const STATS_SQL = {
  outcomeHours: `select destination_id as destinationId, messenger, outcome, code, sum(count) as n
     from delivery_outcome_stats where hour_start >= cast(@lo as integer) and hour_start < cast(@hi as integer)
     group by destination_id, messenger, outcome, code`,
  outcomeRows: `${IDS}
   select d.destination_id as destinationId, d.messenger, ${OUTCOME} as outcome, ${CODE} as code, count(*) as n
   from ids join deliveries d on ${SETTLED_IN_RANGE}
   group by 1, 2, 3, 4`,
  // Pending deliveries are not counted by the triggers (so accepting writes no counter): the few
  // in the queue are counted live, over the whole window, on the queue index.
  pendingRows: `${IDS}
   select d.destination_id as destinationId, d.messenger, ${OUTCOME} as outcome, '' as code, count(*) as n
   from ids join deliveries d on ${PENDING_IN_RANGE}
   group by 1, 2, 3`,
  latencyHours: `select hour_start as hourStart, messenger, bins from delivery_latency_stats
     where hour_start >= cast(@lo as integer) and hour_start < cast(@hi as integer)`,
  latencyRows: `${IDS}
   select d.messenger, ${BIN} as bin, count(*) as n
   from ids join deliveries d on ${SETTLED_IN_RANGE} and d.status = 'delivered' and d.delivered_at is not null
   group by 1, 2`,
};

function statements(db: Db) {
  return prepared(db, "overviewStats", (db) => ({
    outcomeHours: db.$client.prepare(STATS_SQL.outcomeHours),
    outcomeRows: db.$client.prepare(STATS_SQL.outcomeRows),
    pendingRows: db.$client.prepare(STATS_SQL.pendingRows),
    latencyHours: db.$client.prepare(STATS_SQL.latencyHours).raw(),
    latencyRows: db.$client.prepare(STATS_SQL.latencyRows),
  }));
}

/** Deliveries accepted in [lo, hi) by destination, messenger, outcome now and failure reason. */
export function outcomeCounts(db: Db, lo: number, hi: number): OutcomeCount[] {
  const q = statements(db);
  const { hours, edges } = splitByHours(lo, hi);
  const rows = [
    ...(hours ? (q.outcomeHours.all({ lo: hours[0], hi: hours[1] }) as OutcomeCount[]) : []),
    ...edges.flatMap(([lo, hi]) => q.outcomeRows.all({ lo, hi }) as OutcomeCount[]),
    ...(q.pendingRows.all({ lo, hi }) as OutcomeCount[]),
  ];
  const merged = new Map<string, OutcomeCount>();
  for (const r of rows) {
    const key = JSON.stringify([r.destinationId, r.messenger, r.outcome, r.code]);
    const m = merged.get(key);
    if (m) m.n += r.n;
    else merged.set(key, { ...r });
  }
  return [...merged.values()].filter((r) => r.n !== 0);
}

/** A latency histogram: count by bin (a holey array; bins are small integers, a few hundred at most). */
export type Histogram = number[];

/**
 * Whole hours' histograms per messenger, each with the hour it starts: the stored JSON, added
 * into the histogram `into` picks for it (none: skipped). JSON.parse and a for…in, no per-hour
 * objects: 30 days are thousands of hours × a hundred bins.
 */
export function addLatencyHours(db: Db, range: Range, into: (hourStart: number, messenger: string) => Histogram | null) {
  const rows = statements(db).latencyHours.all({ lo: range[0], hi: range[1] }) as [number, string, string][];
  for (const [hourStart, messenger, json] of rows) {
    const histogram = into(hourStart, messenger);
    if (!histogram) continue;
    const bins = JSON.parse(json) as Record<string, number>;
    for (const bin in bins) addTo(histogram, Number(bin), bins[bin]);
  }
}

/** The histograms of the deliveries accepted in [lo, hi), binned from the rows themselves. */
export function latencyRows(db: Db, [lo, hi]: Range): { messenger: string; bin: number; n: number }[] {
  return statements(db).latencyRows.all({ lo, hi }) as { messenger: string; bin: number; n: number }[];
}

export function addTo(histogram: Histogram, bin: number, n: number) {
  histogram[bin] = (histogram[bin] ?? 0) + n;
}

/** A bin's value in ms: 0 for bin 0, else the geometric middle of [1.05^(b−1), 1.05^b), rounded. */
export function binValue(bin: number): number {
  return bin <= 0 ? 0 : Math.round(1.05 ** (bin - 0.5));
}

/** Nearest rank: the bin holding the value at rank ⌈p·n/100⌉ in ascending order. */
export function percentileOf(histogram: Histogram, total: number, p: number): number {
  const rank = Math.ceil((p * total) / 100);
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    seen += histogram[bin] ?? 0;
    if (seen >= rank) return binValue(bin);
  }
  return 0;
}

/** Retention: counters of hours wholly before the cutoff go (their deliveries went with the alerts). */
export function pruneStatsBefore(db: Db, cutoff: number) {
  const hour = Math.floor(cutoff / HOUR_MS) * HOUR_MS;
  const outcomes = db.$client.prepare(`delete from delivery_outcome_stats where hour_start < ?`).run(hour).changes;
  const latency = db.$client.prepare(`delete from delivery_latency_stats where hour_start < ?`).run(hour).changes;
  return outcomes + latency;
}
