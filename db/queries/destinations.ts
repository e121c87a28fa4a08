import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { decryptSecret, encryptSecret, isEncrypted } from "@/lib/crypto/secret-box";
import type { MessengerId } from "@/lib/messengers/ids";
import { getDb, inImmediateTransaction } from "../client";
import { prepared } from "../prepared";
import { destinations } from "../schema";
import { failPendingDeliveries } from "./fail-pending";

export type DestinationRow = typeof destinations.$inferSelect;

export interface DestinationInput {
  messenger: MessengerId;
  name: string;
  webhookUrl: string;
  channel: string | null;
  topic: string | null;
  enabled: boolean;
  allowPrivateNetwork: boolean;
  /** 받을 알림 as stored (lib/destinations/routing.ts storedRouting): null receives everything; left out, unchanged */
  routing?: string | null;
}

/** Webhook URLs are encrypted in the database; everything above db/ sees them decrypted. */
export function decryptRow<T extends { webhookUrl: string } | undefined>(row: T): T {
  return row ? { ...row, webhookUrl: decryptSecret(row.webhookUrl) } : row;
}

export function listDestinations(): DestinationRow[] {
  return getDb().select().from(destinations).orderBy(asc(destinations.createdAt), asc(destinations.id)).all().map(decryptRow);
}

export function findDestination(id: string): DestinationRow | undefined {
  return decryptRow(getDb().select().from(destinations).where(eq(destinations.id, id)).get());
}

export function insertDestination(input: DestinationInput): DestinationRow {
  const id = `dst_${randomBytes(9).toString("base64url")}`;
  const values = { id, ...input, webhookUrl: encryptSecret(input.webhookUrl) };
  return decryptRow(getDb().insert(destinations).values(values).returning().get());
}

/** Start-up: rows saved before encryption existed are encrypted in place. */
export function encryptPlaintextWebhooks(): number {
  const db = getDb();
  const rows = db.select({ id: destinations.id, webhookUrl: destinations.webhookUrl }).from(destinations).all();
  const plain = rows.filter((r) => !isEncrypted(r.webhookUrl));
  db.transaction((tx) => {
    for (const r of plain) {
      tx.update(destinations)
        .set({ webhookUrl: encryptSecret(r.webhookUrl) })
        .where(eq(destinations.id, r.id))
        .run();
    }
  });
  return plain.length;
}

/**
 * `webhookUrl: undefined` keeps the saved URL (the browser never had it whole). Switching it off
 * fails its queue in the same transaction: the API stores alerts for enabled destinations only.
 */
export function updateDestination(
  id: string,
  input: Omit<DestinationInput, "messenger" | "webhookUrl"> & { webhookUrl?: string },
): DestinationRow | undefined {
  const { webhookUrl, ...rest } = input;
  return inImmediateTransaction(() => {
    const row = getDb()
      .update(destinations)
      .set({ ...rest, ...(webhookUrl ? { webhookUrl: encryptSecret(webhookUrl) } : {}), updatedAt: Date.now() })
      .where(eq(destinations.id, id))
      .returning()
      .get();
    if (row && !input.enabled) failPendingDeliveries(id, "destination_disabled", Date.now());
    return decryptRow(row);
  });
}

export function setDestinationEnabled(id: string, enabled: boolean): boolean {
  return inImmediateTransaction(() => {
    const result = getDb().update(destinations).set({ enabled, updatedAt: Date.now() }).where(eq(destinations.id, id)).run();
    if (result.changes > 0 && !enabled) failPendingDeliveries(id, "destination_disabled", Date.now());
    return result.changes > 0;
  });
}

export function deleteDestination(id: string): boolean {
  return inImmediateTransaction(() => {
    const deleted = getDb().delete(destinations).where(eq(destinations.id, id)).run().changes > 0;
    if (deleted) failPendingDeliveries(id, "destination_deleted", Date.now());
    return deleted;
  });
}

/** Keeps the newest test: a receipt of an older one (saved later) never replaces a newer result. */
export function recordTestResult(id: string, result: { at: number; ok: boolean; status: number | null; code: string | null }) {
  getDb()
    .update(destinations)
    .set({ lastTestAt: result.at, lastTestOk: result.ok, lastTestStatus: result.status, lastTestCode: result.code })
    .where(and(eq(destinations.id, id), or(isNull(destinations.lastTestAt), lt(destinations.lastTestAt, result.at))))
    .run();
}

/** 다시 사용: the destination sends again; what it missed is still queued and goes out (as a digest). */
export function resumeDestination(id: string): boolean {
  return (
    getDb()
      .update(destinations)
      .set({ pausedAt: null, consecutiveFailures: 0, firstFailureAt: null, paceTat: 0, updatedAt: Date.now() })
      .where(eq(destinations.id, id))
      .run().changes > 0
  );
}

/** After the first success following 다시 사용, the pause is history. */
export function clearRecovery(id: string) {
  getDb().update(destinations).set({ pauseCode: null, pauseReason: null }).where(eq(destinations.id, id)).run();
}

/** 대기 알림 버리기: what a paused destination missed is marked failed, not sent. */
export function discardPendingDeliveries(destinationId: string): number {
  return failPendingDeliveries(destinationId, "discarded", Date.now());
}

export function pendingCountsByDestination(): Map<string, number> {
  const rows = getDb()
    // Per destination, so each count is a range of the queue index, not a pass over every delivery.
    .$client.prepare(
      `select s.id, (select count(*) from deliveries d where d.destination_id = s.id and d.status = 'pending') as n from destinations s`,
    )
    .all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface DestinationRef {
  id: string;
  messenger: MessengerId;
  paceTat: number;
  paused: boolean;
  /** 받을 알림 as stored; the accept path compiles it once per distinct text (lib/destinations/routing.ts) */
  routing: string | null;
}

/** Where a new alert goes (no URL: nothing to decrypt on the dispatch path); `paceTat` and `paused` let the worker know when it can next send. */
export function listEnabledDestinationRefs(): DestinationRef[] {
  return prepared(getDb(), "enabledDestinationRefs", (db) =>
    db
      .select({
        id: destinations.id,
        messenger: destinations.messenger,
        paceTat: destinations.paceTat,
        pausedAt: destinations.pausedAt,
        routing: destinations.routing,
      })
      .from(destinations)
      .where(eq(destinations.enabled, true))
      .orderBy(asc(destinations.createdAt), asc(destinations.id))
      .prepare(),
  )
    .all()
    .map(({ pausedAt, ...d }) => ({ ...d, paused: pausedAt !== null }));
}
