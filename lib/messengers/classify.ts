import type { MessengerResponse, Outcome } from "./types";

// The rules shared by all six messengers (spec): 2xx delivered; network errors (handled by the
// sender), 408, 425, 429 and 5xx retried; every other status — including 3xx — permanent.

const RETRYABLE = new Set([408, 425, 429]);

/** Retry-After as seconds or an HTTP date, relative to `now`; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface ErrorDetail {
  code?: string;
  message?: string;
}

export function classifyResponse(
  res: MessengerResponse,
  now: number,
  readError: (res: MessengerResponse) => ErrorDetail,
): Outcome {
  if (res.status >= 200 && res.status < 300) return { kind: "delivered", status: res.status };
  const detail = readError(res);
  if (RETRYABLE.has(res.status) || res.status >= 500) {
    const retryAfterMs = parseRetryAfter(res.headers["retry-after"], now);
    return { kind: "retry", status: res.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...detail };
  }
  return { kind: "permanent", status: res.status, ...detail };
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
  const text = res.body.trim().slice(0, 500);
  return text ? { message: text } : {};
}
