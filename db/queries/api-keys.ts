import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { apiKeys } from "../schema";

export type ApiKeyRow = Omit<typeof apiKeys.$inferSelect, "keyHash">;

const visible = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export function insertApiKey(name: string, prefix: string, keyHash: string): ApiKeyRow {
  return getDb().insert(apiKeys).values({ name, prefix, keyHash }).returning(visible).get();
}

export function listApiKeys(): ApiKeyRow[] {
  return getDb().select(visible).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).all();
}

/** A live (not revoked) key by its hash; marks it used. */
export function useApiKey(keyHash: string, now: number): ApiKeyRow | undefined {
  const db = getDb();
  const row = db
    .select(visible)
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
  // Write last-used at most once a minute per key: the dispatch path stays a read, mostly.
  if (row && (row.lastUsedAt ?? 0) < now - 60_000) {
    db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id)).run();
  }
  return row;
}

export function revokeApiKey(id: number, now: number): boolean {
  return (
    getDb()
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .run().changes > 0
  );
}
