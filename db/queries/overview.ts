import { getDb } from "../client";
import { prepared } from "../prepared";

// The 개요 aggregates. Every number is computed by SQLite; only the aggregates come back.
// Counts are index range walks with no sort (one seek per bucket, event, destination and
// status), so they cost a walk over the period's index entries, whatever the table holds.
// Percentiles need each group's latencies in order: one window sort over the period's
// delivered rows, read from a covering index (deliveries_overview_idx).
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
  return { from: w.from, bucketMs: w.bucketMs, buckets: w.buckets, to: w.from + w.bucketMs * w.buckets };
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
  const statement = prepared(getDb(), "overviewOutcomes", (db) => db.$client.prepare(SQL.outcomes));
  return statement.all(params(w)) as DestinationOutcome[];
}

export interface NotifyLatency {
  bucket: number;
  messenger: string;
  count: number;
  p50: number;
  p95: number;
}

/**
 * Time to notify (delivered_at − accepted) per bucket and messenger, nearest-rank p50 and p95:
 * the value at rank ⌈p·n/100⌉ of the group sorted by latency. SQLite has no percentile
 * function, so one window pass numbers each group's rows; ⌈p·n/100⌉ is (p·n + 99) / 100 in
 * integer arithmetic.
 */
export function notifyLatency(w: OverviewWindow): NotifyLatency[] {
  const statement = prepared(getDb(), "overviewLatency", (db) => db.$client.prepare(SQL.latency));
  return statement.all(params(w)) as NotifyLatency[];
}

export interface FailureReason {
  messenger: string;
  /** the messenger's code, or http_<status>, or "network" */
  code: string;
  count: number;
}

/** Failed deliveries in the window by messenger and reason, most frequent first. */
export function failureReasons(w: OverviewWindow): FailureReason[] {
  const statement = prepared(getDb(), "overviewFailures", (db) => db.$client.prepare(SQL.failures));
  return statement.all(params(w)) as FailureReason[];
}

/** The statements, exported so a test can check their query plans use the indexes. */
export const SQL = {
  // The events present: a loose index scan, one probe per distinct event.
  alertsByEvent: `with recursive events(event) as (
     select min(event) from alerts
     union all select (select min(event) from alerts where event > events.event) from events where event is not null),
   ${BUCKETS_CTE}
   select bucket, event, alerts, skipped from (
     select b.i as bucket, e.event,
            (select count(*) from alerts a where a.event = e.event and a.created_at >= b.start and a.created_at < b.start + cast(@bucketMs as integer)) as alerts,
            (select count(*) from alerts a where a.event = e.event and a.created_at >= b.start and a.created_at < b.start + cast(@bucketMs as integer) and a.status = 'skipped') as skipped
     from events e, buckets b where e.event is not null)
   where alerts > 0 order by bucket, event`,
  // Destinations with deliveries (deleted ones too): a loose scan of the queue index.
  outcomes: `with recursive ids(id) as (
     select min(destination_id) from deliveries
     union all select (select min(destination_id) from deliveries where destination_id > ids.id) from ids where id is not null),
   counts as (
     select ids.id,
            (select count(*) from deliveries d where d.destination_id = ids.id and d.status = 'delivered'
               and d.created_at >= cast(@from as integer) and d.created_at < cast(@to as integer)) as delivered,
            (select count(*) from deliveries d where d.destination_id = ids.id and d.status = 'failed'
               and d.created_at >= cast(@from as integer) and d.created_at < cast(@to as integer)) as failed,
            (select count(*) from deliveries d where d.destination_id = ids.id and d.status = 'pending'
               and d.created_at >= cast(@from as integer) and d.created_at < cast(@to as integer)) as pending,
            (select count(*) from deliveries d where d.destination_id = ids.id and d.status = 'pending' and d.attempts > 0
               and d.created_at >= cast(@from as integer) and d.created_at < cast(@to as integer)) as tried,
            (select messenger from deliveries d where d.destination_id = ids.id limit 1) as messenger
     from ids where ids.id is not null)
   select c.id as destinationId, s.name, coalesce(s.messenger, c.messenger) as messenger, c.delivered, c.failed,
          case when s.paused_at is null then c.tried else 0 end as retrying,
          case when s.paused_at is null then c.pending - c.tried else 0 end as waiting,
          case when s.paused_at is not null then c.pending else 0 end as held,
          case when s.id is null then 'deleted' when s.enabled = 0 then 'off' when s.paused_at is not null then 'paused'
               when s.consecutive_failures > 0 then 'failing' else 'ok' end as health
   from counts c left join destinations s on s.id = c.id
   where c.delivered + c.failed + c.pending > 0 or s.id is not null
   order by s.name is null, s.name, c.id`,
  latency: `select bucket, messenger, max(n) as count,
          max(case when rn = (50 * n + 99) / 100 then ms end) as p50,
          max(case when rn = (95 * n + 99) / 100 then ms end) as p95
   from (
     select (created_at - cast(@from as integer)) / cast(@bucketMs as integer) as bucket, messenger,
            delivered_at - created_at as ms,
            row_number() over win as rn,
            count(*) over (win rows between unbounded preceding and unbounded following) as n
     from deliveries
     where status = 'delivered' and created_at >= cast(@from as integer) and created_at < cast(@to as integer)
     window win as (partition by (created_at - cast(@from as integer)) / cast(@bucketMs as integer), messenger
                    order by delivered_at - created_at))
   where rn = (50 * n + 99) / 100 or rn = (95 * n + 99) / 100
   group by bucket, messenger order by bucket, messenger`,
  // The failed range of deliveries_overview_idx: failures are few, so reading their rows is cheap.
  failures: `select messenger, coalesce(last_code, 'http_' || last_status, 'network') as code, count(*) as count
   from deliveries
   where status = 'failed' and created_at >= cast(@from as integer) and created_at < cast(@to as integer)
   group by messenger, code order by count desc, messenger, code`,
};
