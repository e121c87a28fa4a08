import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isUniqueViolation } from "@/db/errors";
import { findLiveKeyByPrefix, insertApiKey, markApiKeyUsed, rememberSignature, takeLiveApiKey } from "@/db/queries/api-keys";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

// Keys look like "alm_live_<43 base64url chars>" (256 random bits). Only a SHA-256 is stored:
// a fast hash is right here because the key itself is long and random, unlike a password.
// Each key also gets a signing secret for chat systems that prefer signed requests
// (HMAC-SHA256 over "timestamp.body"); that one is stored encrypted, since verifying needs it.
const KEY_PREFIX = "alm_live_";
const VISIBLE_LENGTH = KEY_PREFIX.length + 8;
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createApiKey(name: string) {
  for (;;) {
    const key = KEY_PREFIX + randomBytes(32).toString("base64url");
    const signingSecret = `alm_sign_${randomBytes(32).toString("base64url")}`;
    try {
      const row = insertApiKey(name, key.slice(0, VISIBLE_LENGTH), hashApiKey(key), encryptSecret(signingSecret));
      return { key, signingSecret, row };
    } catch (error) {
      // The visible prefix must be unique (it names the key in signed requests): draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

/** The key behind an `Authorization: Bearer …` header, if it is live. */
export function authenticateBearer(header: string | null, now = Date.now()) {
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header ?? "");
  if (!match?.[1].startsWith(KEY_PREFIX)) return undefined;
  return takeLiveApiKey(hashApiKey(match[1]), now);
}

/** What the signed-request check reads: a Fetch `Headers`, or node:http's headers behind `get`. */
export interface HeaderReader {
  get(name: string): string | null;
}

export type SignedAuth = { ok: true; keyId: number } | { ok: false; reason: string };

/**
 * A signed request: X-Alimi-Key-Id (the key's visible prefix), X-Alimi-Timestamp (unix
 * seconds, within 5 minutes) and X-Alimi-Signature: v1=<hex HMAC-SHA256(secret, "ts.body")>.
 * Each signature is accepted once.
 */
export function authenticateSigned(headers: HeaderReader, body: Uint8Array, now = Date.now()): SignedAuth {
  const prefix = headers.get("x-alimi-key-id") ?? "";
  const timestamp = headers.get("x-alimi-timestamp") ?? "";
  const signature = /^v1=([0-9a-f]{64})$/.exec(headers.get("x-alimi-signature") ?? "")?.[1];
  if (!prefix || !/^\d{1,12}$/.test(timestamp) || !signature) return { ok: false, reason: "malformed signature headers" };
  if (Math.abs(now - Number(timestamp) * 1000) > SIGNATURE_WINDOW_MS) return { ok: false, reason: "timestamp outside the 5-minute window" };
  const key = findLiveKeyByPrefix(prefix);
  if (!key?.signingSecret) return { ok: false, reason: "unknown or revoked key" };
  const expected = createHmac("sha256", decryptSecret(key.signingSecret)).update(`${timestamp}.`).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return { ok: false, reason: "signature does not match" };
  if (!rememberSignature(signature, now, SIGNATURE_WINDOW_MS * 2)) return { ok: false, reason: "signature already used" };
  markApiKeyUsed(key.id, key.lastUsedAt, now);
  return { ok: true, keyId: key.id };
}
