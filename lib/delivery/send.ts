import type { MessengerResponse, OutboundRequest, Outcome } from "@/lib/messengers/types";
import pkg from "@/package.json";

// The only place that does outbound HTTP. Adapters build the request and read the answer;
// this module owns the timeout, redirects, the body bound and the User-Agent.

/** 10 s per attempt (spec); ALERTS_ATTEMPT_TIMEOUT_MS lets fault tests use a shorter one. */
export const ATTEMPT_TIMEOUT_MS = (() => {
  const value = Number(process.env.ALERTS_ATTEMPT_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 && value <= 10_000 ? value : 10_000;
})();
export const MAX_RESPONSE_BYTES = 8 * 1024;
export const USER_AGENT = `Alimi/${pkg.version}`;

export type SendResult =
  | { kind: "response"; response: MessengerResponse; latencyMs: number }
  | { kind: "network"; outcome: Extract<Outcome, { kind: "retry" }>; latencyMs: number };

async function readBounded(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_RESPONSE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // A messenger that streams forever must not hold the attempt open.
    reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES));
}

/** Network-level failures are always worth retrying; the code says which kind for the hint. */
export function classifyNetworkError(error: unknown): Extract<Outcome, { kind: "retry" }> {
  const err = error as { name?: string; cause?: { code?: string; name?: string } };
  if (err?.name === "TimeoutError" || err?.cause?.name === "TimeoutError") {
    return { kind: "retry", code: "timeout", message: `no answer within ${ATTEMPT_TIMEOUT_MS} ms` };
  }
  const code = err?.cause?.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "retry", code: "dns", message: "host name not found" };
  if (code === "ECONNREFUSED") return { kind: "retry", code: "connection_refused", message: "connection refused" };
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
    return { kind: "retry", code: "connection_reset", message: "connection closed without an answer" };
  }
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return { kind: "retry", code: "tls", message: code };
  return { kind: "retry", code: "network", message: code || "network error" };
}

export async function send(request: OutboundRequest, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<SendResult> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? ATTEMPT_TIMEOUT_MS);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: { ...request.headers, "user-agent": USER_AGENT },
      body: request.body,
      // A 3xx is a failure (the spec): following it could post the alert somewhere else.
      redirect: "manual",
      signal: opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout,
    });
    const body = await readBounded(response.body);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { kind: "response", response: { status: response.status, headers, body }, latencyMs: latency() };
  } catch (error) {
    return { kind: "network", outcome: classifyNetworkError(error), latencyMs: latency() };
  }
}

/** For logs: host and the last 4 characters, never the whole secret URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}…${u.pathname.slice(-4)}`;
  } catch {
    return "invalid-url";
  }
}
