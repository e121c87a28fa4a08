import { and, asc, count, eq, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { alerts, deliveries, deliveryAttempts, destinations } from "../schema";

export interface ClaimedDelivery {
  id: string;
  alertId: string;
  attempts: number;
  createdAt: number;
  payload: string;
  destination: {
    id: string;
    messenger: (typeof destinations.$inferSelect)["messenger"];
    name: string;
    webhookUrl: string;
    channel: string | null;
    topic: string | null;
    enabled: boolean;
  } | null;
}

const due = (now: number) =>
  and(
    eq(deliveries.status, "pending"),
    lte(deliveries.nextAttemptAt, now),
    or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
  );

/**
 * Claims up to `limit` due deliveries with a lease. The UPDATE … RETURNING runs in one
 * statement, so two processes sharing the file never claim the same delivery.
 */
export function claimDueDeliveries(now: number, leaseMs: number, limit: number): ClaimedDelivery[] {
  const db = getDb();
  return db.transaction((tx) => {
    const ids = tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(due(now))
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.createdAt))
      .limit(limit)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return [];
    const claimed: ClaimedDelivery[] = [];
    for (const id of ids) {
      const row = tx
        .update(deliveries)
        .set({ leaseUntil: now + leaseMs })
        .where(and(eq(deliveries.id, id), due(now)))
        .returning({ id: deliveries.id })
        .get();
      if (!row) continue;
      const full = tx
        .select({
          id: deliveries.id,
          alertId: deliveries.alertId,
          attempts: deliveries.attempts,
          createdAt: deliveries.createdAt,
          payload: alerts.payload,
          destination: {
            id: destinations.id,
            messenger: destinations.messenger,
            name: destinations.name,
            webhookUrl: destinations.webhookUrl,
            channel: destinations.channel,
            topic: destinations.topic,
            enabled: destinations.enabled,
          },
        })
        .from(deliveries)
        .innerJoin(alerts, eq(alerts.id, deliveries.alertId))
        .leftJoin(destinations, eq(destinations.id, deliveries.destinationId))
        .where(eq(deliveries.id, id))
        .get();
      if (full) claimed.push(full as ClaimedDelivery);
    }
    return claimed;
  }, { behavior: "immediate" });
}

export interface AttemptRecord {
  deliveryId: string;
  at: number;
  outcome: "delivered" | "retry" | "permanent";
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  bodySnippet: string | null;
  latencyMs: number;
  /** for retry outcomes: when to try again; null means give up (failed) */
  nextAttemptAt: number | null;
}

/** Records one attempt and moves the delivery on, in one transaction. */
export function recordAttempt(a: AttemptRecord) {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(deliveryAttempts)
      .values({
        deliveryId: a.deliveryId,
        at: a.at,
        outcome: a.outcome,
        httpStatus: a.httpStatus,
        code: a.code,
        message: a.message,
        bodySnippet: a.bodySnippet,
        latencyMs: a.latencyMs,
      })
      .run();
    const status = a.outcome === "delivered" ? "delivered" : a.nextAttemptAt === null ? "failed" : "pending";
    tx.update(deliveries)
      .set({
        status,
        attempts: sql`${deliveries.attempts} + 1`,
        leaseUntil: null,
        nextAttemptAt: a.nextAttemptAt ?? a.at,
        lastStatus: a.httpStatus,
        lastCode: a.code,
        lastMessage: a.message,
        deliveredAt: a.outcome === "delivered" ? a.at : null,
      })
      .where(eq(deliveries.id, a.deliveryId))
      .run();
  });
}

/** When the worker should next look: the earliest pending delivery's due or lease-expiry time. */
export function nextWakeAt(): number | null {
  const row = getDb()
    .select({ at: sql<number | null>`min(max(${deliveries.nextAttemptAt}, coalesce(${deliveries.leaseUntil}, 0)))` })
    .from(deliveries)
    .where(eq(deliveries.status, "pending"))
    .get();
  return row?.at ?? null;
}

export function queueDepth(): number {
  return getDb().select({ n: count() }).from(deliveries).where(eq(deliveries.status, "pending")).get()?.n ?? 0;
}

export function listAttempts(deliveryId: string) {
  return getDb().select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, deliveryId)).orderBy(asc(deliveryAttempts.id)).all();
}

export function listDeliveriesOfAlert(alertId: string) {
  return getDb().select().from(deliveries).where(eq(deliveries.alertId, alertId)).orderBy(asc(deliveries.createdAt)).all();
}
