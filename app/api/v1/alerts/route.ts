import { authenticateBearer } from "@/lib/api-keys";
import { acceptInquiry } from "@/lib/alerts/accept";
import type { InquiryAlert } from "@/lib/alerts/types";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { apiRateLimitPerSecond } from "@/lib/env";
import { apiError, readBodyBounded } from "@/lib/http/errors";
import { dispatchSchema, idempotencyKeySchema } from "./schema";

const MAX_BODY_BYTES = 64 * 1024;

function fieldPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

export async function POST(request: Request): Promise<Response> {
  try {
    return await dispatch(request);
  } catch (error) {
    // Only a fault of ours ends up here (e.g. the disk is full): still the one envelope.
    console.error("[alimi] dispatch failed:", error instanceof Error ? error.message : error);
    return apiError(500, "internal_error", "The alert could not be stored. Try again.");
  }
}

async function dispatch(request: Request): Promise<Response> {
  const key = authenticateBearer(request.headers.get("authorization"));
  if (!key) {
    return apiError(401, "unauthorized", "A valid API key is required: Authorization: Bearer <key>.", undefined, {
      "www-authenticate": 'Bearer realm="alimi"',
    });
  }
  const limit = apiRateLimitPerSecond();
  if (limit > 0) {
    const now = Date.now();
    const { count, resetAt } = hitRateLimit(`api:${key.id}`, 1_000, now);
    if (count > limit) {
      const retryAfter = String(Math.max(1, Math.ceil((resetAt - now) / 1000)));
      return apiError(429, "rate_limited", `At most ${limit} requests per second per API key.`, undefined, { "retry-after": retryAfter });
    }
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return apiError(415, "unsupported_media_type", "Send the alert as Content-Type: application/json.");
  }
  const bytes = await readBodyBounded(request, MAX_BODY_BYTES);
  if (!bytes) return apiError(413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return apiError(400, "invalid_json", "The body is not valid UTF-8 JSON.");
  }

  const header = request.headers.get("idempotency-key");
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
  const idempotencyKey = header !== null ? `key:${key.id}:${header}` : body.id ? `event:${body.id}` : null;
  const { replayed, accepted } = acceptInquiry(alert, { apiKeyId: key.id, idempotencyKey });
  return Response.json(accepted, {
    status: 202,
    headers: { "cache-control": "no-store", ...(replayed ? { "idempotent-replayed": "true" } : {}) },
  });
}
