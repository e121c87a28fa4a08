import { hitRateLimit } from "@/db/queries/rate-limits";
import { acceptInquiry } from "@/lib/alerts/accept";
import type { InquiryAlert } from "@/lib/alerts/types";
import { authenticateBearer, authenticateSigned, type HeaderReader } from "@/lib/api-keys";
import { apiRateLimitPerSecond } from "@/lib/env";
import { BodyReadError } from "@/lib/http/body";
import { type ApiAnswer, apiError, apiJson } from "@/lib/http/errors";
import { dispatchSchema, idempotencyKeySchema } from "./dispatch-schema";

// POST /api/v1/alerts, independent of the transport. The Next route handler serves it when the
// console runs under `next dev`; in production the node:http fast path in lib/server/ calls the very
// same function, so the contract (design.md) has one implementation whichever way a call comes in.

export const MAX_BODY_BYTES = 64 * 1024;

/** The body, read only once the headers passed: null when it is over MAX_BODY_BYTES (lib/http/body.ts). */
export type BodyReader = () => Promise<Uint8Array | null>;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Per-key requests per second, counted in the database so every process shares the limit. */
function rateLimited(keyId: number): ApiAnswer | null {
  const limit = apiRateLimitPerSecond();
  if (limit === 0) return null;
  const now = Date.now();
  const { count, resetAt } = hitRateLimit(`api:${keyId}`, 1_000, now);
  if (count <= limit) return null;
  const retryAfter = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  return apiError(429, "rate_limited", `At most ${limit} requests per second per API key.`, undefined, { "retry-after": retryAfter });
}

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
}

const unauthorized = (message: string) => apiError(401, "unauthorized", message, undefined, { "www-authenticate": 'Bearer realm="alimi"' });

export async function dispatchAlert(headers: HeaderReader, readBody: BodyReader): Promise<ApiAnswer> {
  try {
    return await dispatch(headers, readBody);
  } catch (error) {
    if (error instanceof BodyReadError) return apiError(400, "invalid_json", "The body could not be read.");
    // Only a fault of ours ends up here (e.g. the disk is full): still the one envelope.
    console.error("[alimi] dispatch failed:", error instanceof Error ? error.message : error);
    return apiError(500, "internal_error", "The alert could not be stored. Try again.");
  }
}

async function dispatch(headers: HeaderReader, readBody: BodyReader): Promise<ApiAnswer> {
  // Two ways in: a Bearer key, or (for chat systems that prefer not to send the key) a request
  // signed with the key's signing secret. Signed requests are verified once the body is read.
  const authorization = headers.get("authorization");
  const signed = authorization === null && headers.get("x-alimi-signature") !== null;
  let keyId = 0;
  if (!signed) {
    const key = authenticateBearer(authorization);
    if (!key) return unauthorized("A valid API key is required: Authorization: Bearer <key>.");
    keyId = key.id;
  }
  if (!JSON_TYPE.test(headers.get("content-type") ?? "")) {
    return apiError(415, "unsupported_media_type", "Send the alert as Content-Type: application/json.");
  }
  const bytes = await readBody();
  if (!bytes) return apiError(413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  if (signed) {
    const auth = authenticateSigned(headers, bytes);
    if (!auth.ok) return unauthorized(`The request signature was refused: ${auth.reason}.`);
    keyId = auth.keyId;
  }
  const limited = rateLimited(keyId);
  if (limited) return limited;

  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return apiError(400, "invalid_json", "The body is not valid UTF-8 JSON.");
  }

  const header = headers.get("idempotency-key");
  const details: { path: string; message: string }[] = [];
  if (header !== null && !idempotencyKeySchema.safeParse(header).success) {
    details.push({ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" });
  }
  const parsed = dispatchSchema.safeParse(json);
  if (!parsed.success) {
    details.push(...parsed.error.issues.map((i) => ({ path: fieldPath(i.path) || "(body)", message: i.message })));
  }
  if (!parsed.success || details.length > 0) {
    return apiError(422, "validation_failed", "The alert is not valid.", details);
  }

  const body = parsed.data;
  const alert: InquiryAlert = {
    kind: "event",
    event: body.event,
    occurredAt: body.occurredAt ? Date.parse(body.occurredAt) : Date.now(),
    session: body.session,
    customer: body.customer,
    ...(body.message !== undefined ? { message: body.message } : {}),
    ...(body.agent ? { agent: body.agent } : {}),
    ...(body.team ? { team: body.team } : {}),
  };
  // An Idempotency-Key belongs to the caller's key; the body id is the chat system's own event
  // id, so it deduplicates across keys (a key rotation must not re-send yesterday's events).
  const idempotencyKey = header !== null ? `key:${keyId}:${header}` : body.id ? `event:${body.id}` : null;
  const { replayed, accepted } = await acceptInquiry(alert, { apiKeyId: keyId, idempotencyKey });
  return apiJson(202, accepted, replayed ? { "idempotent-replayed": "true" } : undefined);
}
