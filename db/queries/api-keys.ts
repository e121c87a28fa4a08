import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { prepared } from "../prepared";
import { apiKeys, seenSignatures } from "../schema";

export type ApiKeyRow = Omit<typeof apiKeys.$inferSelect, "keyHash" | "signingSecret">;

const visible = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export function insertApiKey(name: string, prefix: string, keyHash: string, signingSecret: string): ApiKeyRow {
  return getDb().insert(apiKeys).values({ name, prefix, keyHash, signingSecret }).returning(visible).get();
}

/** For signed requests: the live key with this visible prefix, and its (encrypted) signing secret. */
export function findLiveKeyByPrefix(prefix: string) {
  return getDb()
    .select({ ...visible, signingSecret: apiKeys.signingSecret })
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)))
    .get();
}

export function markApiKeyUsed(id: number, lastUsedAt: number | null, now: number) {
  if ((lastUsedAt ?? 0) < now - 60_000) getDb().update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id)).run();
}

/** Remembers a signature; false when it was already seen (a replay). Old ones are pruned. */
export function rememberSignature(signature: string, now: number, windowMs: number): boolean {
  const db = getDb();
  db.delete(seenSignatures)
    .where(lt(seenSignatures.at, now - windowMs))
    .run();
  return db.insert(seenSignatures).values({ signature, at: now }).onConflictDoNothing().run().changes > 0;
}

export function listApiKeys(): ApiKeyRow[] {
  return getDb().select(visible).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).all();
}

/** A live (not revoked) key by its hash; marks it used. */
export function takeLiveApiKey(keyHash: string, now: number): ApiKeyRow | undefined {
  const row = prepared(getDb(), "liveKeyByHash", (db) =>
    db
      .select(visible)
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sql.placeholder("keyHash")), isNull(apiKeys.revokedAt)))
      .prepare(),
  ).get({ keyHash });
  // Write last-used at most once a minute per key: the dispatch path stays a read, mostly.
  if (row) markApiKeyUsed(row.id, row.lastUsedAt, now);
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
