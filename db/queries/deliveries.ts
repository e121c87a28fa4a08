import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { nextTat, paceAllows } from "@/lib/delivery/pacing";
import { getDb } from "../client";
import { decryptRow } from "./destinations";
import { alerts, deliveries, deliveryAttempts, destinations } from "../schema";

export type DestinationRowForSend = typeof destinations.$inferSelect;

export interface ClaimedDelivery {
  id: string;
  alertId: string;
  attempts: number;
  createdAt: number;
  payload: string;
}

/** Everything due for one destination, claimed together: one send, or one digest. */
export interface ClaimedGroup {
  destination: DestinationRowForSend;
  deliveries: ClaimedDelivery[];
}

/** Deliveries whose destination was deleted or switched off are failed, not held forever. */
export function failOrphanedDeliveries(now: number): number {
  const { $client } = getDb();
  const orphaned = $client
    .prepare(
      `select d.id, case when s.id is null then 'destination_deleted' else 'destination_disabled' end as code
       from deliveries d left join destinations s on s.id = d.destination_id
       where d.status = 'pending' and (s.id is null or s.enabled = 0) and (d.lease_until is null or d.lease_until <= ?)
       limit 500`,
    )
    .all(now) as { id: string; code: string }[];
  if (orphaned.length === 0) return 0;
  const db = getDb();
  db.transaction((tx) => {
    for (const o of orphaned) {
      const message = o.code === "destination_deleted" ? "the destination was deleted" : "the destination was turned off";
      tx.insert(deliveryAttempts)
        .values({ deliveryId: o.id, at: now, outcome: "permanent", code: o.code, message, latencyMs: 0 })
        .run();
      tx.update(deliveries)
        .set({ status: "failed", lastCode: o.code, lastMessage: message, leaseUntil: null, attempts: sql`${deliveries.attempts} + 1` })
        .where(eq(deliveries.id, o.id))
        .run();
    }
  });
  return orphaned.length;
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
export function claimDueGroups(now: number, leaseMs: number, maxGroups: number, perGroup: number): ClaimedGroup[] {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const candidates = db.$client
        .prepare(
          `select s.* from destinations s
           where s.enabled = 1 and s.paused_at is null
             and exists (select 1 from deliveries d where d.destination_id = s.id and d.status = 'pending'
                           and d.next_attempt_at <= @now and (d.lease_until is null or d.lease_until <= @now))
             and s.id not in (select destination_id from deliveries where lease_until > @now)
           order by s.pace_tat`,
        )
        .all({ now }) as Record<string, unknown>[];
      const groups: ClaimedGroup[] = [];
      for (const raw of candidates) {
        if (groups.length >= maxGroups) break;
        const destination = tx.select().from(destinations).where(eq(destinations.id, String(raw.id))).get();
        if (!destination || !paceAllows(destination.messenger, destination.paceTat, now)) continue;
        const rows = tx
          .select({
            id: deliveries.id,
            alertId: deliveries.alertId,
            attempts: deliveries.attempts,
            createdAt: deliveries.createdAt,
            payload: alerts.payload,
            event: alerts.event,
          })
          .from(deliveries)
          .innerJoin(alerts, eq(alerts.id, deliveries.alertId))
          .where(
            and(
              eq(deliveries.destinationId, destination.id),
              eq(deliveries.status, "pending"),
              sql`${deliveries.nextAttemptAt} <= ${now}`,
              sql`(${deliveries.leaseUntil} is null or ${deliveries.leaseUntil} <= ${now})`,
            ),
          )
          .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
          .limit(perGroup)
          .all();
        // A system message (실패 알림) always goes alone, never folded into a digest.
        const firstSystem = rows.findIndex((r) => r.event.startsWith("system."));
        if (firstSystem === 0) rows.splice(1);
        else if (firstSystem > 0) rows.splice(firstSystem);
        if (rows.length === 0) continue;
        tx.update(deliveries)
          .set({ leaseUntil: now + leaseMs })
          .where(inArray(deliveries.id, rows.map((r) => r.id)))
          .run();
        const paceTat = nextTat(destination.messenger, destination.paceTat, now);
        tx.update(destinations).set({ paceTat }).where(eq(destinations.id, destination.id)).run();
        groups.push({ destination: decryptRow({ ...destination, paceTat }), deliveries: rows.map(({ event: _, ...r }) => r) });
      }
      return groups;
    },
    { behavior: "immediate" },
  );
}

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
  /** deliveries that have run out of time: failed even though the outcome was `retry` */
  giveUp: string[];
  /** for `retry`: the destination waits until then (backoff or Retry-After) */
  retryAt: number | null;
  /** 자동 중지 with this reason */
  pause: { code: string; reason: string } | null;
  /** strict one-at-a-time paces count from when the messenger answered, not from the claim */
  paceAfter?: number | null;
}

/** Records the attempt for every delivery of the group and the destination's health, atomically. */
export function settleGroup(o: GroupOutcome) {
  const db = getDb();
  db.transaction((tx) => {
    // One statement for all attempts and one per resulting status: a 500-alert digest settles
    // in a handful of statements, not a thousand.
    tx.insert(deliveryAttempts)
      .values(
        o.deliveryIds.map((id) => ({
          deliveryId: id, at: o.at, outcome: o.outcome, httpStatus: o.httpStatus, code: o.code,
          message: o.message, bodySnippet: o.bodySnippet, latencyMs: o.latencyMs, digestId: o.digestId,
        })),
      )
      .run();
    const giveUp = new Set(o.giveUp);
    const byStatus = new Map<"delivered" | "failed" | "pending", string[]>();
    for (const id of o.deliveryIds) {
      const status = o.outcome === "delivered" ? "delivered" : o.outcome === "permanent" || giveUp.has(id) ? "failed" : "pending";
      byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
    }
    for (const [status, ids] of byStatus) {
      tx.update(deliveries)
        .set({
          status,
          attempts: sql`${deliveries.attempts} + 1`,
          leaseUntil: null,
          nextAttemptAt: o.at,
          lastStatus: o.httpStatus,
          lastCode: o.code,
          lastMessage: o.message,
          deliveredAt: o.outcome === "delivered" ? o.at : null,
          digestId: o.digestId,
        })
        .where(inArray(deliveries.id, ids))
        .run();
    }
    if (o.outcome === "delivered") {
      tx.update(destinations)
        .set({
          consecutiveFailures: 0,
          firstFailureAt: null,
          lastSuccessAt: o.at,
          ...(o.paceAfter ? { paceTat: sql`max(${destinations.paceTat}, ${o.paceAfter})` } : {}),
        })
        .where(eq(destinations.id, o.destinationId))
        .run();
      return;
    }
    tx.update(destinations)
      .set({
        consecutiveFailures: sql`${destinations.consecutiveFailures} + 1`,
        firstFailureAt: sql`coalesce(${destinations.firstFailureAt}, ${o.at})`,
        lastFailureAt: o.at,
        lastFailureCode: o.code ?? (o.httpStatus === null ? "network" : `http_${o.httpStatus}`),
        lastFailureReason: o.message,
        ...(o.retryAt !== null ? { paceTat: sql`max(${o.retryAt}, ${o.paceAfter ?? 0})` } : {}),
        ...(o.pause ? { pausedAt: o.at, pauseCode: o.pause.code, pauseReason: o.pause.reason } : {}),
      })
      .where(eq(destinations.id, o.destinationId))
      .run();
  });
}

/**
 * When the worker should next look: per destination with nothing in flight, the later of its
 * earliest due delivery and its pace; and the earliest lease to expire (a crashed claim).
 * Index probes only, however long the queue — this runs after every drain.
 */
export function nextWakeAt(now = Date.now()): number | null {
  const row = getDb()
    .$client.prepare(
      `select min(at) as at from (
         select max(s.pace_tat, (select min(d.next_attempt_at) from deliveries d
                                 where d.destination_id = s.id and d.status = 'pending')) as at
         from destinations s
         where s.enabled = 1 and s.paused_at is null
           and s.id not in (select destination_id from deliveries where lease_until > @now)
         union all
         select min(lease_until) from deliveries where lease_until > @now
       ) where at is not null`,
    )
    .get({ now }) as { at: number | null };
  return row.at;
}

export function queueDepth(): number {
  return getDb().select({ n: count() }).from(deliveries).where(eq(deliveries.status, "pending")).get()?.n ?? 0;
}


/** Gives claimed deliveries back without counting an attempt (graceful shutdown). */
export function releaseLeases(ids: string[]) {
  getDb()
    .update(deliveries)
    .set({ leaseUntil: null })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.status, "pending")))
    .run();
}
