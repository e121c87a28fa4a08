import type { MessengerResponse, Outcome } from "./types";

// The rules shared by all six messengers (spec): 2xx delivered; network errors (handled by the
// sender), 408, 425, 429 and 5xx retried; every other status — including 3xx, since redirects
// are never followed — permanent.

const RETRYABLE = new Set([408, 425, 429]);
export const ERROR_MESSAGE_LENGTH = 500;

export type StatusKind = Outcome["kind"];

export function statusKind(status: number): StatusKind {
  if (status >= 200 && status < 300) return "delivered";
  if (RETRYABLE.has(status) || (status >= 500 && status < 600)) return "retry";
  return "permanent";
}

// RFC 9110 HTTP-date: IMF-fixdate, obsolete RFC 850 or asctime. Date.parse alone is far too
// lenient ("1", "-5" and "abc 12" all parse as dates), so the shape is checked first.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? +[0-9A-Za-z -]+ \d{2}:\d{2}:\d{2}( GMT| \d{4})$/;
// The longest valid value is an RFC 850 date ("Wednesday, 09-Nov-94 08:49:37 GMT", 33
// characters). HTTP_DATE backtracks quadratically on long runs of spaces (a 100 kB header took
// seconds), so anything longer is refused before any pattern sees it.
export const RETRY_AFTER_MAX_LENGTH = 64;

/** Retry-After as delay-seconds or an HTTP date, in ms relative to `now`; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const trimmed = value?.trim(); // linear
  if (!trimmed || trimmed.length > RETRY_AFTER_MAX_LENGTH) return undefined;
  if (/^\d+$/.test(trimmed)) {
    const ms = Number(trimmed) * 1000;
    return Number.isSafeInteger(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(trimmed)) return undefined;
  // asctime carries no zone, and HTTP dates are always GMT: never read it as local time.
  const at = Date.parse(/GMT|UTC/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface ErrorDetail {
  code?: string;
  message?: string;
}

/** Status → outcome by the shared rules; `readError` adds the messenger's own code/message. */
export function classifyResponse(res: MessengerResponse, now: number, readError: (res: MessengerResponse) => ErrorDetail): Outcome {
  const kind = statusKind(res.status);
  if (kind === "delivered") return { kind, status: res.status };
  const detail = readError(res);
  if (kind === "retry") {
    const retryAfterMs = parseRetryAfter(res.headers["retry-after"], now);
    return { kind, status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...detail };
  }
  return { kind, status: res.status, ...detail };
}

export function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Messengers with no documented error shape: keep the first 500 characters of the body. */
export function bodyAsMessage(res: MessengerResponse): ErrorDetail {
  const text = [...res.body.trim()].slice(0, ERROR_MESSAGE_LENGTH).join("");
  return text ? { message: text } : {};
}
