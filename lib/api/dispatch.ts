import { acceptInquiry } from "@/lib/alerts/accept";
import type { InquiryAlert } from "@/lib/alerts/types";
import type { HeaderReader } from "@/lib/api-keys";
import { BodyReadError } from "@/lib/http/body";
import { type ApiAnswer, apiError, apiJson } from "@/lib/http/errors";
import { checkKeyHeaders, finishKeyCheck, rateLimited } from "./auth";
import { dispatchSchema, idempotencyKeySchema } from "./dispatch-schema";
import { dryRunAnswer } from "./dry-run";

// POST /api/v1/alerts, independent of the transport. The Next route handler serves it when the
// console runs under `next dev`; in production the node:http fast path in lib/server/ calls the very
// same function, so the contract (design.md) has one implementation whichever way a call comes in.

export const MAX_BODY_BYTES = 64 * 1024;

/** The body, read only once the headers passed: null when it is over MAX_BODY_BYTES (lib/http/body.ts). */
export type BodyReader = () => Promise<Uint8Array | null>;

const utf8 = new TextDecoder("utf-8", { fatal: true });
const JSON_TYPE = /^application\/json\s*(;|$)/i;

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replace(/\.\[/g, "[");
}

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
  // Bearer keys are checked before the body is read; signatures cover the body (lib/api/auth.ts).
  const check = checkKeyHeaders(headers);
  if (check.kind === "refused") return check.answer;
  if (!JSON_TYPE.test(headers.get("content-type") ?? "")) {
    return apiError(415, "unsupported_media_type", "Send the alert as Content-Type: application/json.");
  }
  const bytes = await readBody();
  if (!bytes) return apiError(413, "payload_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
  const keyId = finishKeyCheck(check, headers, bytes);
  if (typeof keyId !== "number") return keyId;
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
  // A dry run answers from the same routing decision and stores nothing: no alert, no delivery,
  // no idempotency record (so a later real dispatch with the same key is not a replay).
  if (body.dryRun === true) return apiJson(200, dryRunAnswer(alert));
  // An Idempotency-Key belongs to the caller's key; the body id is the chat system's own event
  // id, so it deduplicates across keys (a key rotation must not re-send yesterday's events).
  const idempotencyKey = header !== null ? `key:${keyId}:${header}` : body.id ? `event:${body.id}` : null;
  const { replayed, accepted } = await acceptInquiry(alert, { apiKeyId: keyId, idempotencyKey });
  return apiJson(202, accepted, replayed ? { "idempotent-replayed": "true" } : undefined);
}
