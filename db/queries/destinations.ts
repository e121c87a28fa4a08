import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { MessengerId } from "@/lib/messengers/ids";
import { getDb } from "../client";
import { destinations } from "../schema";

export type DestinationRow = typeof destinations.$inferSelect;

export interface DestinationInput {
  messenger: MessengerId;
  name: string;
  webhookUrl: string;
  channel: string | null;
  topic: string | null;
  enabled: boolean;
}

export function listDestinations(): DestinationRow[] {
  return getDb().select().from(destinations).orderBy(asc(destinations.createdAt), asc(destinations.id)).all();
}

export function findDestination(id: string): DestinationRow | undefined {
  return getDb().select().from(destinations).where(eq(destinations.id, id)).get();
}

export function insertDestination(input: DestinationInput): DestinationRow {
  const id = `dst_${randomBytes(9).toString("base64url")}`;
  return getDb().insert(destinations).values({ id, ...input }).returning().get();
}

/** `webhookUrl: undefined` keeps the saved URL (the browser never had it whole). */
export function updateDestination(
  id: string,
  input: Omit<DestinationInput, "messenger" | "webhookUrl"> & { webhookUrl?: string },
): DestinationRow | undefined {
  const { webhookUrl, ...rest } = input;
  return getDb()
    .update(destinations)
    .set({ ...rest, ...(webhookUrl ? { webhookUrl } : {}), updatedAt: Date.now() })
    .where(eq(destinations.id, id))
    .returning()
    .get();
}

export function setDestinationEnabled(id: string, enabled: boolean): boolean {
  const result = getDb()
    .update(destinations)
    .set({ enabled, updatedAt: Date.now() })
    .where(eq(destinations.id, id))
    .run();
  return result.changes > 0;
}

export function deleteDestination(id: string): boolean {
  return getDb().delete(destinations).where(eq(destinations.id, id)).run().changes > 0;
}

export function recordTestResult(id: string, result: { at: number; ok: boolean; status: number | null; code: string | null }) {
  getDb()
    .update(destinations)
    .set({ lastTestAt: result.at, lastTestOk: result.ok, lastTestStatus: result.status, lastTestCode: result.code })
    .where(eq(destinations.id, id))
    .run();
}
