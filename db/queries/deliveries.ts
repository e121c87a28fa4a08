import { and, eq, inArray, sql } from "drizzle-orm";
import type { MessengerId } from "@/lib/messengers/ids";
import { type Db, getDb, inImmediateTransaction } from "../client";
import { prepared } from "../prepared";
import { deliveries, destinations } from "../schema";
import { decryptRow } from "./destinations";
import { failPendingDeliveries } from "./fail-pending";

export type DestinationRowForSend = typeof destinations.$inferSelect;

export interface ClaimedDelivery {
  id: string;
  alertId: string;
  attempts: number;
  createdAt: number;
  /** the alert as stored; only the first few of a digest carry it (null for the rest) */
  payload: string | null;
}

/** Everything due for one destination, claimed together: one send, or one digest. */
export interface ClaimedGroup {
  destination: DestinationRowForSend;
  deliveries: ClaimedDelivery[];
}

/**
 * Deliveries whose destination was deleted or switched off are failed, not held forever.
 * Walks the distinct destination ids of the queue index one probe at a time (a loose index
 * scan: a handful of destinations, however many deliveries). Each orphan is checked again and
 * its queue failed in one transaction, so a destination switched back on in between keeps it.
 */
export function failOrphanedDeliveries(now: number): number {
  const { $client } = getDb();
  const nextDestination = $client.prepare(`select min(destination_id) as id from deliveries where destination_id > ?`);
  const destination = $client.prepare(`select enabled from destinations where id = ?`);
  const waiting = $client.prepare(`select 1 from deliveries where destination_id = ? and status = 'pending' limit 1`);
  const orphaned = (id: string) => !(destination.get(id) as { enabled: number } | undefined)?.enabled;
  let failed = 0;
  for (
    let row = nextDestination.get("") as { id: string | null };
    row.id !== null;
    row = nextDestination.get(row.id) as { id: string | null }
  ) {
    const id = row.id;
    if (!orphaned(id) || !waiting.get(id)) continue;
    failed += inImmediateTransaction(() =>
      orphaned(id) ? failPendingDeliveries(id, destination.get(id) ? "destination_disabled" : "destination_deleted", now) : 0,
    );
  }
  return failed;
}

/**
 * The pace rules (lib/delivery/pacing), passed in: this layer stores each destination's pace
 * (its GCRA tat), it does not decide it.
 */
export interface PaceRules {
  /** the first moment a destination whose pace stands at `tat` may send */
  allowedAt(messenger: MessengerId, tat: number): number;
  /** its pace after a send at `now` */
  afterSend(messenger: MessengerId, tat: number, now: number): number;
}

export interface ClaimOptions {
  leaseMs: number;
  maxGroups: number;
  /** at most this many deliveries per destination */
  perGroup: number;
  /** read the payload of only the first this many (a digest shows a few and counts the rest) */
  withPayload?: number;
  pace: PaceRules;
  /** how many of a destination's due deliveries (their events, oldest first) go together */
  groupSize: (events: string[]) => number;
}

// "Has nothing in flight" is asked as `not in (… where lease_until > now)`, never as a correlated
// `not exists`: SQLite then reads the small partial lease index once, where the correlated
// form walked every delivery a destination ever had (the profile of `npm run bench` showed
// each look at the queue taking 25–90 ms once it held 100,000 deliveries).

/**
 * Claims, per destination whose pace allows a send and which has nothing in flight, every due
 * delivery (oldest first, up to `perGroup`) under one lease. Runs as one IMMEDIATE transaction,
 * so processes sharing the database file never claim the same delivery or overrun a pace.
 */
export function claimDueGroups(now: number, o: ClaimOptions): ClaimedGroup[] {
  const { leaseMs, maxGroups, perGroup, withPayload = perGroup, pace } = o;
  const db = getDb();
  const q = queueStatements(db);
  return inImmediateTransaction(() => {
    const candidates = q.candidates.all({ now }) as { id: string }[];
    const groups: ClaimedGroup[] = [];
    for (const candidate of candidates) {
      if (groups.length >= maxGroups) break;
      const destination = q.destination.get({ id: candidate.id });
      if (!destination || pace.allowedAt(destination.messenger, destination.paceTat) > now) continue;
      const due = q.due.all({ destinationId: destination.id, now, limit: perGroup }) as (Omit<ClaimedDelivery, "payload"> & {
        event: string;
      })[];
      const rows = due.slice(0, o.groupSize(due.map((r) => r.event)));
      if (rows.length === 0) continue;
      const ids = JSON.stringify(rows.map((r) => r.id));
      q.lease.run({ ids, until: now + leaseMs });
      const paceTat = pace.afterSend(destination.messenger, destination.paceTat, now);
      q.pace.run({ id: destination.id, paceTat });
      // A digest shows its first few alerts and a count: only those payloads are read.
      const payloads = new Map(
        (
          q.payloads.all({ ids: JSON.stringify(rows.slice(0, withPayload).map((r) => r.alertId)) }) as { id: string; payload: string }[]
        ).map((a) => [a.id, a.payload]),
      );
      groups.push({
        destination: decryptRow({ ...destination, paceTat }),
        deliveries: rows.map(({ event: _, ...r }) => ({ ...r, payload: payloads.get(r.alertId) ?? null })),
      });
    }
    return groups;
  });
}

// The queue's statements, prepared once per connection: the worker runs them many times a
// second during a flood. Id lists travel as one JSON array (json_each), so a 500-alert digest
// is one statement, not 500, and the statement is the same for any count.
function queueStatements(db: Db) {
  return prepared(db, "queueStatements", (db) => {
    const c = db.$client;
    return {
      candidates: c.prepare(
        `select s.id from destinations s
         where s.enabled = 1 and s.paused_at is null
           and s.id not in (select destination_id from deliveries where lease_until > @now)
           and exists (select 1 from deliveries d where d.destination_id = s.id and d.status = 'pending'
                         and d.next_attempt_at <= @now and (d.lease_until is null or d.lease_until <= @now))
         order by s.pace_tat`,
      ),
      destination: db
        .select()
        .from(destinations)
        .where(eq(destinations.id, sql.placeholder("id")))
        .prepare(),
      due: c.prepare(
        `select d.id, d.alert_id as alertId, d.attempts, d.created_at as createdAt, a.event
         from deliveries d join alerts a on a.id = d.alert_id
         where d.destination_id = @destinationId and d.status = 'pending' and d.next_attempt_at <= @now
           and (d.lease_until is null or d.lease_until <= @now)
         order by d.created_at, d.id
         limit @limit`,
      ),
      lease: c.prepare(`update deliveries set lease_until = @until where id in (select value from json_each(@ids))`),
      pace: c.prepare(`update destinations set pace_tat = @paceTat where id = @id`),
      payloads: c.prepare(`select id, payload from alerts where id in (select value from json_each(@ids))`),
      attempts: c.prepare(
        `insert into delivery_attempts (delivery_id, at, outcome, http_status, code, message, body_snippet, latency_ms, digest_id)
         select value, @at, @outcome, @httpStatus, @code, @message, @bodySnippet, @latencyMs, @digestId from json_each(@ids)`,
      ),
      settle: c.prepare(
        `update deliveries set status = @status, attempts = attempts + 1, lease_until = null, next_attempt_at = @at,
           last_status = @httpStatus, last_code = @code, last_message = @message, delivered_at = @deliveredAt, digest_id = @digestId
         where id in (select value from json_each(@ids))`,
      ),
    };
  });
}

/** One attempt's result for a claimed group, and what lib/delivery/settle decided it means. */
export interface GroupOutcome {
  destinationId: string;
  deliveryIds: string[];
  digestId: string | null;
  at: number;
  outcome: "delivered" | "retry" | "permanent";
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  bodySnippet: string | null;
  latencyMs: number;
  /** deliveries that end as failed; the others end as delivered (on `delivered`) or stay pending */
  failed: string[];
  /** the destination's new pace (its tat); null leaves it as the claim set it */
  paceTat: number | null;
  /** 자동 중지 with this reason */
  pause: { code: string; reason: string } | null;
  /** the destination's last failure code (when the outcome is not `delivered`) */
  failureCode: string | null;
}

/** Records the attempt for every delivery of the group and the destination's health, atomically. */
export function settleGroup(o: GroupOutcome) {
  const db = getDb();
  const q = queueStatements(db);
  db.transaction((tx) => {
    // One statement for all attempts and one per resulting status: a 500-alert digest settles
    // in a handful of statements, not a thousand.
    const common = { at: o.at, httpStatus: o.httpStatus, code: o.code, message: o.message, digestId: o.digestId };
    q.attempts.run({
      ...common,
      ids: JSON.stringify(o.deliveryIds),
      outcome: o.outcome,
      bodySnippet: o.bodySnippet,
      latencyMs: o.latencyMs,
    });
    const failed = new Set(o.failed);
    const rest = o.outcome === "delivered" ? "delivered" : "pending";
    const byStatus = new Map<"delivered" | "failed" | "pending", string[]>();
    for (const id of o.deliveryIds) {
      const status = failed.has(id) ? "failed" : rest;
      const list = byStatus.get(status);
      if (list) list.push(id);
      else byStatus.set(status, [id]);
    }
    for (const [status, ids] of byStatus) {
      q.settle.run({ ...common, status, ids: JSON.stringify(ids), deliveredAt: status === "delivered" ? o.at : null });
    }
    const pace = o.paceTat === null ? {} : { paceTat: o.paceTat };
    if (o.outcome === "delivered") {
      tx.update(destinations)
        .set({ consecutiveFailures: 0, firstFailureAt: null, lastSuccessAt: o.at, ...pace })
        .where(eq(destinations.id, o.destinationId))
        .run();
      return;
    }
    tx.update(destinations)
      .set({
        consecutiveFailures: sql`${destinations.consecutiveFailures} + 1`,
        firstFailureAt: sql`coalesce(${destinations.firstFailureAt}, ${o.at})`,
        lastFailureAt: o.at,
        lastFailureCode: o.failureCode,
        lastFailureReason: o.message,
        ...pace,
        ...(o.pause ? { pausedAt: o.at, pauseCode: o.pause.code, pauseReason: o.pause.reason } : {}),
      })
      .where(eq(destinations.id, o.destinationId))
      .run();
  });
}

/**
 * When the worker should next look: per destination with nothing in flight, the later of its
 * oldest pending delivery (claims go oldest first) and the moment its pace allows a send (for
 * a messenger with a burst allowance that is before pace_tat); and the earliest lease to expire
 * (a crashed claim). Index probes only, however long the queue: this runs after every drain.
 */
export function nextWakeAt(now: number, pace: PaceRules): number | null {
  const db = getDb();
  const rows = prepared(db, "nextWakeDestinations", (db) =>
    db.$client.prepare(
      `select s.messenger, s.pace_tat as paceTat,
              (select d.next_attempt_at from deliveries d where d.destination_id = s.id and d.status = 'pending'
               order by d.created_at, d.id limit 1) as oldest
       from destinations s
       where s.enabled = 1 and s.paused_at is null
         and s.id not in (select destination_id from deliveries where lease_until > @now)`,
    ),
  ).all({ now }) as { messenger: MessengerId; paceTat: number; oldest: number | null }[];
  const lease = prepared(db, "nextLeaseExpiry", (db) =>
    db.$client.prepare(`select min(lease_until) as at from deliveries where lease_until > @now`),
  ).get({ now }) as { at: number | null };
  const times = rows.flatMap((r) => (r.oldest === null ? [] : [Math.max(r.oldest, pace.allowedAt(r.messenger, r.paceTat))]));
  if (lease.at !== null) times.push(lease.at);
  return times.length > 0 ? Math.min(...times) : null;
}

export function queueDepth(): number {
  // Per destination, so each count is a range of the queue index. Pending deliveries of a
  // deleted destination are failed when it is deleted, so none are missed.
  const row = getDb()
    .$client.prepare(
      `select coalesce(sum((select count(*) from deliveries d where d.destination_id = s.id and d.status = 'pending')), 0) as n
       from destinations s`,
    )
    .get() as { n: number };
  return row.n;
}

/** Gives claimed deliveries back without counting an attempt (graceful shutdown). */
export function releaseLeases(ids: string[]) {
  getDb()
    .update(deliveries)
    .set({ leaseUntil: null })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.status, "pending")))
    .run();
}
