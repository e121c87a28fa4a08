import { randomBytes } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import type { MessengerId } from "@/lib/messengers/ids";
import { type Db, getDb } from "../client";
import { prepared } from "../prepared";
import { alerts, deliveries, idempotencyKeys } from "../schema";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

// Ids are the time (milliseconds, base36), a per-process sequence number, then 64 random bits.
// Time first matters: every index on an id then grows at its right edge instead of at a random
// page, which `npm run bench` measured at a third of the insert cost (and of the log written)
// once the tables held 100,000s of rows. The sequence makes ids strictly increasing within the
// process, so alerts stored in one batch (same created_at) still sort in acceptance order.
// Randomness comes from a pool refilled 4 KiB at a time: one randomBytes call per 512 ids.
const RANDOM_BYTES = 8;
const SEQUENCE_SPAN = 36 ** 4;
let pool = Buffer.alloc(0);
let offset = 0;
let lastMs = 0;
let sequence = 0;

export function newId(prefix: string): string {
  if (offset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const random = pool.toString("base64url", offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence === SEQUENCE_SPAN) {
    lastMs += 1; // 1.7 million ids in one millisecond (or a clock that went back): borrow the next
    sequence = 0;
  }
  return `${prefix}_${lastMs.toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${random}`;
}

/** queued: deliveries were made; skipped: 상담 안내 switch off; unmatched: no destination's 받을 알림 took it */
export type AlertStatus = "queued" | "skipped" | "unmatched";

export interface AcceptedAlert {
  alertId: string;
  status: AlertStatus;
  deliveries: { id: string; destinationId: string; messenger: MessengerId; status: "pending" }[];
}

export interface NewAlert {
  event: string;
  payload: string;
  /** the event's 상담 안내 switch is off: stored with no delivery */
  skipped: boolean;
  /** destinations were enabled but none's 받을 알림 took it: stored with no delivery */
  unmatched?: boolean;
  apiKeyId: number | null;
  /** the destinations whose 받을 알림 matched: one delivery each */
  destinations: { id: string; messenger: MessengerId }[];
  /** already scoped to the API key */
  idempotencyKey: string | null;
  now: number;
}

/**
 * Stores the alert and one delivery per destination, or — when the idempotency key was seen in
 * the last 24 h — stores nothing and returns the first answer. Atomic: its own transaction when
 * called alone, a savepoint inside a batch's transaction (lib/alerts/accept-batch.ts), so one failing alert never takes the
 * others of its batch down with it.
 */
export function acceptAlert(input: NewAlert): { replayed: boolean; accepted: AcceptedAlert } {
  const db = getDb();
  return prepared(db, "acceptAlert", (db) => db.$client.transaction((item: NewAlert) => acceptOne(db, item))).immediate(input);
}

function acceptOne(db: Db, input: NewAlert): { replayed: boolean; accepted: AcceptedAlert } {
  const q = statements(db);
  if (input.idempotencyKey) {
    const seen = q.findKey.get({ key: input.idempotencyKey });
    if (seen && seen.createdAt > input.now - IDEMPOTENCY_WINDOW_MS) {
      return { replayed: true, accepted: JSON.parse(seen.response) as AcceptedAlert };
    }
    if (seen) q.deleteKey.run({ key: input.idempotencyKey });
  }
  const alertId = newId("alr");
  const status: AlertStatus = input.skipped ? "skipped" : input.unmatched ? "unmatched" : "queued";
  q.insertAlert.run({ id: alertId, event: input.event, payload: input.payload, status, apiKeyId: input.apiKeyId, createdAt: input.now });
  const rows =
    status !== "queued"
      ? []
      : input.destinations.map((d) => ({ id: newId("dlv"), destinationId: d.id, messenger: d.messenger, status: "pending" as const }));
  for (const r of rows) q.insertDelivery.run({ ...r, alertId, at: input.now });
  const accepted: AcceptedAlert = { alertId, status, deliveries: rows };
  if (input.idempotencyKey) {
    q.insertKey.run({ key: input.idempotencyKey, alertId, response: JSON.stringify(accepted), createdAt: input.now });
  }
  return { replayed: false, accepted };
}

const p = sql.placeholder;

function statements(db: Db) {
  return prepared(db, "acceptStatements", (db) => ({
    findKey: db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, p("key")))
      .prepare(),
    deleteKey: db
      .delete(idempotencyKeys)
      .where(eq(idempotencyKeys.key, p("key")))
      .prepare(),
    insertAlert: db
      .insert(alerts)
      .values({
        id: p("id"),
        event: p("event"),
        payload: p("payload"),
        status: p("status"),
        apiKeyId: p("apiKeyId"),
        createdAt: p("createdAt"),
      })
      .prepare(),
    insertDelivery: db
      .insert(deliveries)
      .values({
        id: p("id"),
        alertId: p("alertId"),
        destinationId: p("destinationId"),
        messenger: p("messenger"),
        status: "pending",
        nextAttemptAt: p("at"),
        createdAt: p("at"),
      })
      .prepare(),
    insertKey: db
      .insert(idempotencyKeys)
      .values({ key: p("key"), alertId: p("alertId"), response: p("response"), createdAt: p("createdAt") })
      .prepare(),
  }));
}

export function pruneIdempotencyKeys(now: number) {
  getDb()
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_WINDOW_MS))
    .run();
}

/** A system message (실패 알림) to one destination, through the same queue, pacing and retries. */
export function enqueueSystemAlert(input: { event: string; payload: string; destinationId: string; messenger: MessengerId; now: number }) {
  const db = getDb();
  db.transaction((tx) => {
    const alertId = newId("alr");
    tx.insert(alerts).values({ id: alertId, event: input.event, payload: input.payload, status: "queued", createdAt: input.now }).run();
    tx.insert(deliveries)
      .values({
        id: newId("dlv"),
        alertId,
        destinationId: input.destinationId,
        messenger: input.messenger,
        status: "pending",
        nextAttemptAt: input.now,
        createdAt: input.now,
      })
      .run();
  });
}

/** Retention: alerts older than `before` go, with their deliveries and attempts (cascade). */
export function pruneAlertsBefore(before: number): number {
  return getDb().delete(alerts).where(lt(alerts.createdAt, before)).run().changes;
}
