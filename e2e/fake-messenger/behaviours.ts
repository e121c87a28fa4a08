import { isNamedError, NAMED_ERRORS, type NamedError, type RawAnswer, rateLimitAnswer, successAnswer, validate } from "./answers";
import type { ReceiverKind } from "./paths";

// Scripted behaviours: how a test makes a webhook misbehave for its next requests (a queue) or
// until told otherwise (a sticky mode). Plain JSON values, so the HTTP control API takes them too.

export type Behaviour =
  /** A documented error of one of the messengers, e.g. "slack.no_service". */
  | NamedError
  /** A raw answer; without `status` the webhook answers as usual, after `delayMs`. An object body is sent as JSON. */
  | { status?: number; body?: string | object; headers?: Record<string, string>; delayMs?: number }
  /** Destroy the socket without answering (after `delayMs`): a network error for the sender. */
  | { drop: true; delayMs?: number }
  /** 302 to elsewhere: the spec says never follow, a 3xx is a failure. */
  | { redirect: string }
  /** 429 in the messenger's own shape; Retry-After in seconds or as an HTTP date, or none. */
  | { rateLimited: { retryAfter?: string | number } };

/** What the server will do with one request. */
export interface Plan {
  delayMs: number;
  answer: RawAnswer | "drop";
}

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  drop: ["drop", "delayMs"],
  redirect: ["redirect"],
  rateLimited: ["rateLimited"],
  raw: ["status", "body", "headers", "delayMs"],
};

/**
 * Checks a behaviour given as `unknown` (from JSON or a test). Unknown names or keys throw, so a
 * typo such as `{ delay: 15000 }` fails the test that wrote it instead of silently succeeding.
 */
export function parseBehaviour(value: unknown): Behaviour {
  if (typeof value === "string") {
    if (isNamedError(value)) return value;
    throw new Error(`unknown behaviour "${value}"; known: ${Object.keys(NAMED_ERRORS).join(", ")}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("a behaviour is a name or an object");
  const v = value as Record<string, unknown>;
  const variant = ["drop", "redirect", "rateLimited"].find((k) => k in v) ?? "raw";
  const extra = Object.keys(v).filter((k) => !ALLOWED_KEYS[variant].includes(k));
  if (extra.length) throw new Error(`unexpected key(s) ${extra.join(", ")} in a "${variant}" behaviour`);
  if (v.delayMs !== undefined && !(Number.isFinite(v.delayMs) && (v.delayMs as number) >= 0))
    throw new Error("delayMs must be a number ≥ 0");
  switch (variant) {
    case "drop":
      if (v.drop !== true) throw new Error("drop must be true");
      return value as Behaviour;
    case "redirect":
      if (typeof v.redirect !== "string") throw new Error("redirect must be a URL string");
      return value as Behaviour;
    case "rateLimited": {
      const r = v.rateLimited as { retryAfter?: unknown } | null;
      const ra = r && typeof r === "object" ? r.retryAfter : null;
      if (ra !== undefined && typeof ra !== "string" && typeof ra !== "number")
        throw new Error("rateLimited.retryAfter must be a string or number");
      return value as Behaviour;
    }
    default:
      if (v.status !== undefined && !(Number.isInteger(v.status) && (v.status as number) >= 100 && (v.status as number) <= 599)) {
        throw new Error("status must be an HTTP status code");
      }
      if (v.body !== undefined && typeof v.body !== "string" && (typeof v.body !== "object" || v.body === null))
        throw new Error("body must be a string or JSON value");
      if (v.headers !== undefined && (typeof v.headers !== "object" || v.headers === null)) throw new Error("headers must be an object");
      return value as Behaviour;
  }
}

export interface Incoming {
  kind: ReceiverKind;
  /** The path alone; the query is apart, since Teams and Google Chat check theirs. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  nextPostId: () => number;
}

/** The usual answer: the service's own checks, then its success. */
function usual(req: Incoming): RawAnswer {
  return (req.kind === "sink" ? null : validate(req.kind, req)) ?? successAnswer(req.kind, req);
}

export function plan(behaviour: Behaviour | null | undefined, req: Incoming): Plan {
  if (behaviour === null || behaviour === undefined) return { delayMs: 0, answer: usual(req) };
  if (typeof behaviour === "string") return { delayMs: 0, answer: NAMED_ERRORS[behaviour] };
  if ("drop" in behaviour) return { delayMs: behaviour.delayMs ?? 0, answer: "drop" };
  if ("redirect" in behaviour) return { delayMs: 0, answer: { status: 302, headers: { location: behaviour.redirect }, body: "" } };
  if ("rateLimited" in behaviour) {
    const ra = behaviour.rateLimited.retryAfter;
    return { delayMs: 0, answer: rateLimitAnswer(req.kind, ra === undefined ? undefined : String(ra)) };
  }
  const { status, body, headers, delayMs = 0 } = behaviour;
  if (status === undefined) return { delayMs, answer: usual(req) };
  if (body !== undefined && typeof body !== "string") {
    return {
      delayMs,
      answer: { status, body: JSON.stringify(body), headers: { "content-type": "application/json; charset=utf-8", ...headers } },
    };
  }
  return { delayMs, answer: { status, body: body ?? "", headers: { "content-type": "text/plain; charset=utf-8", ...headers } } };
}
