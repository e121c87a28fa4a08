import { createHash, randomBytes } from "node:crypto";
import { insertApiKey, useApiKey } from "@/db/queries/api-keys";

// Keys look like "alm_live_<43 base64url chars>" (256 random bits). Only a SHA-256 is stored:
// a fast hash is right here because the key itself is long and random, unlike a password.
const KEY_PREFIX = "alm_live_";
const VISIBLE_LENGTH = KEY_PREFIX.length + 6;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createApiKey(name: string) {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const row = insertApiKey(name, key.slice(0, VISIBLE_LENGTH), hashApiKey(key));
  return { key, row };
}

/** The key behind an `Authorization: Bearer …` header, if it is live. */
export function authenticateBearer(header: string | null, now = Date.now()) {
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header ?? "");
  if (!match || !match[1].startsWith(KEY_PREFIX)) return undefined;
  return useApiKey(hashApiKey(match[1]), now);
}
