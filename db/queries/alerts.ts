import { randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { MessengerId } from "@/lib/messengers/ids";
import { getDb } from "../client";
import { alerts, deliveries, idempotencyKeys } from "../schema";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url")}`;

export interface AcceptedAlert {
  alertId: string;
  status: "queued" | "skipped";
  deliveries: { id: string; destinationId: string; messenger: MessengerId; status: "pending" }[];
}

export interface NewAlert {
  event: string;
  payload: string;
  skipped: boolean;
  apiKeyId: number | null;
  destinations: { id: string; messenger: MessengerId }[];
  /** already scoped to the API key */
  idempotencyKey: string | null;
  now: number;
}

/**
 * Stores the alert and one delivery per destination in one transaction, or — when the
 * idempotency key was seen in the last 24 h — stores nothing and returns the first answer.
 */
export function acceptAlert(input: NewAlert): { replayed: boolean; accepted: AcceptedAlert } {
  const db = getDb();
  return db.transaction((tx) => {
    if (input.idempotencyKey) {
      const seen = tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, input.idempotencyKey)).get();
      if (seen && seen.createdAt > input.now - IDEMPOTENCY_WINDOW_MS) {
        return { replayed: true, accepted: JSON.parse(seen.response) as AcceptedAlert };
      }
      if (seen) tx.delete(idempotencyKeys).where(eq(idempotencyKeys.key, input.idempotencyKey)).run();
    }
    const alertId = newId("alr");
    tx.insert(alerts)
      .values({
        id: alertId,
        event: input.event,
        payload: input.payload,
        status: input.skipped ? "skipped" : "queued",
        apiKeyId: input.apiKeyId,
        createdAt: input.now,
      })
      .run();
    const rows = input.skipped
      ? []
      : input.destinations.map((d) => ({
          id: newId("dlv"),
          alertId,
          destinationId: d.id,
          messenger: d.messenger,
          status: "pending" as const,
          nextAttemptAt: input.now,
          createdAt: input.now,
        }));
    if (rows.length > 0) tx.insert(deliveries).values(rows).run();
    const accepted: AcceptedAlert = {
      alertId,
      status: input.skipped ? "skipped" : "queued",
      deliveries: rows.map((r) => ({ id: r.id, destinationId: r.destinationId, messenger: r.messenger, status: r.status })),
    };
    if (input.idempotencyKey) {
      tx.insert(idempotencyKeys)
        .values({ key: input.idempotencyKey, alertId, response: JSON.stringify(accepted), createdAt: input.now })
        .run();
    }
    return { replayed: false, accepted };
  });
}

export function pruneIdempotencyKeys(now: number) {
  getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_WINDOW_MS)).run();
}


/** A system message (실패 알림) to one destination, through the same queue, pacing and retries. */
export function enqueueSystemAlert(input: { event: string; payload: string; destinationId: string; messenger: MessengerId; now: number }) {
  const db = getDb();
  db.transaction((tx) => {
    const alertId = newId("alr");
    tx.insert(alerts)
      .values({ id: alertId, event: input.event, payload: input.payload, status: "queued", createdAt: input.now })
      .run();
    tx.insert(deliveries)
      .values({
        id: newId("dlv"), alertId, destinationId: input.destinationId, messenger: input.messenger,
        status: "pending", nextAttemptAt: input.now, createdAt: input.now,
      })
      .run();
  });
}

/** Retention: alerts older than `before` go, with their deliveries and attempts (cascade). */
export function pruneAlertsBefore(before: number): number {
  return getDb().delete(alerts).where(lt(alerts.createdAt, before)).run().changes;
}
