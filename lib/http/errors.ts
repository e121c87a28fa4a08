// The one JSON error envelope of the API: {"error":{"code","message","details"?}}.
export type ApiErrorCode =
  | "invalid_json"
  | "unauthorized"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "rate_limited"
  | "internal_error";

/**
 * An API answer before it meets a transport: the Next route handler turns it into a Response,
 * the node:http fast path (lib/server/) writes it to the socket. Both send the same bytes.
 */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text */
  body: string;
}

export function apiJson(status: number, value: unknown, headers?: Record<string, string>): ApiAnswer {
  return { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers }, body: JSON.stringify(value) };
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
): ApiAnswer {
  return apiJson(status, { error: { code, message, ...(details === undefined ? {} : { details }) } }, headers);
}

export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
