import { hitRateLimit } from "@/db/queries/rate-limits";
import { authenticateBearer, authenticateSigned, type HeaderReader } from "@/lib/api-keys";
import { apiRateLimitPerSecond } from "@/lib/env";
import { type ApiAnswer, apiError } from "@/lib/http/errors";

// The public API's one way in, shared by every /api/v1 endpoint: a Bearer key, or (for chat
// systems that prefer not to send the key) a request signed with the key's signing secret.
// Signed requests can only be verified once the body is read, hence two steps.

export const unauthorized = (message: string) =>
  apiError(401, "unauthorized", message, undefined, { "www-authenticate": 'Bearer realm="alimi"' });

export type KeyCheck = { kind: "bearer"; keyId: number } | { kind: "signed" } | { kind: "refused"; answer: ApiAnswer };

/** Step one, from the headers alone: a Bearer key is checked now, a signature after the body. */
export function checkKeyHeaders(headers: HeaderReader): KeyCheck {
  const authorization = headers.get("authorization");
  if (authorization === null && headers.get("x-alimi-signature") !== null) return { kind: "signed" };
  const key = authenticateBearer(authorization);
  if (!key) return { kind: "refused", answer: unauthorized("A valid API key is required: Authorization: Bearer <key>.") };
  return { kind: "bearer", keyId: key.id };
}

/** Step two: the key id, or the 401 (a signed request's signature covers "timestamp.body"). */
export function finishKeyCheck(check: KeyCheck, headers: HeaderReader, body: Uint8Array): number | ApiAnswer {
  if (check.kind === "refused") return check.answer;
  if (check.kind === "bearer") return check.keyId;
  const auth = authenticateSigned(headers, body);
  return auth.ok ? auth.keyId : unauthorized(`The request signature was refused: ${auth.reason}.`);
}

/** Per-key requests per second, counted in the database so every process shares the limit. */
export function rateLimited(keyId: number): ApiAnswer | null {
  const limit = apiRateLimitPerSecond();
  if (limit === 0) return null;
  const now = Date.now();
  const { count, resetAt } = hitRateLimit(`api:${keyId}`, 1_000, now);
  if (count <= limit) return null;
  const retryAfter = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  return apiError(429, "rate_limited", `At most ${limit} requests per second per API key.`, undefined, { "retry-after": retryAfter });
}
