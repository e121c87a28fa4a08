import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { config } from "@/lib/env";
import type { MessengerResponse, OutboundRequest, Outcome } from "@/lib/messengers/types";
import { isIpLiteral, restrictedKind } from "@/lib/net/ip-ranges";
import pkg from "@/package.json";

// The only place that does outbound HTTP. Adapters build the request and read the answer; this
// module owns the timeout, redirects (never followed), the body bound, the User-Agent, pooled
// keep-alive connections — and the SSRF guard, which checks the address actually connected to,
// after DNS resolution, so a name that resolves (or re-resolves) to an internal address is refused.

/** 10 s per attempt (spec); ALERTS_ATTEMPT_TIMEOUT_MS lets fault tests use a shorter one. */
export const attemptTimeoutMs = (): number => config().attemptTimeoutMs;
export const MAX_RESPONSE_BYTES = 8 * 1024;
export const USER_AGENT = `Alimi/${pkg.version}`;

export interface AddressPolicy {
  /** ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1: tests and local demos */
  allowLoopback: boolean;
  /** 사내망 주소 허용 on a Mattermost destination: private and CGNAT ranges */
  allowPrivate: boolean;
}

export type SendResult =
  | { kind: "response"; response: MessengerResponse; latencyMs: number }
  | { kind: "network"; outcome: Exclude<Outcome, { kind: "delivered" }>; latencyMs: number };

export function addressAllowed(ip: string, policy: AddressPolicy): boolean {
  const kind = restrictedKind(ip);
  if (kind === null) return true;
  if (kind === "loopback") return policy.allowLoopback;
  // Link-local stays refused even on an intranet: it holds the cloud metadata service.
  return policy.allowPrivate && (kind === "private" || kind === "cgnat");
}

class BlockedAddressError extends Error {
  code = "EBLOCKED";
}

function guardedLookup(policy: AddressPolicy, resolve: typeof dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      const allowed = list.filter((a) => addressAllowed(a.address, policy));
      if (allowed.length === 0) {
        return callback(new BlockedAddressError(`${hostname} resolves to ${list[0]?.address ?? "nothing"}`), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

// One keep-alive pool per protocol and policy, so a socket opened under a looser policy is
// never reused for a destination with a stricter one.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, policy: AddressPolicy): http.Agent {
  const key = `${protocol}${policy.allowLoopback ? "L" : ""}${policy.allowPrivate ? "P" : ""}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 30_000 };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** Network-level failures are worth retrying (except a refused address); the code says which for the hint. */
export function classifyNetworkError(error: unknown): Exclude<Outcome, { kind: "delivered" }> {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string } };
  const code = err?.code ?? err?.cause?.code ?? "";
  if (code === "EBLOCKED") return { kind: "permanent", status: 0, code: "blocked_address", message: err.message };
  if (code === "ETIMEDOUT_ATTEMPT" || err?.name === "TimeoutError") {
    return { kind: "retry", code: "timeout", message: `no answer within ${attemptTimeoutMs()} ms` };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "retry", code: "dns", message: "host name not found" };
  if (code === "ECONNREFUSED") return { kind: "retry", code: "connection_refused", message: "connection refused" };
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET") {
    return { kind: "retry", code: "connection_reset", message: "connection closed without an answer" };
  }
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return { kind: "retry", code: "tls", message: code };
  return { kind: "retry", code: "network", message: code || err?.message || "network error" };
}

export interface SendOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  policy?: AddressPolicy;
  /** tests replace DNS to prove the guard runs on the resolved address */
  lookup?: typeof dns.lookup;
}

export function send(request: OutboundRequest, opts: SendOptions = {}): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const policy = opts.policy ?? { allowLoopback: false, allowPrivate: false };
  const fail = (error: unknown): SendResult => ({ kind: "network", outcome: classifyNetworkError(error), latencyMs: latency() });

  let url: URL;
  try {
    url = new URL(request.url);
  } catch (error) {
    return Promise.resolve(fail(error));
  }
  // Node skips the lookup for IP literals, so those are checked here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIpLiteral(host) && !addressAllowed(host, policy)) {
    return Promise.resolve(fail(new BlockedAddressError(`${host} is not a public address`)));
  }
  const body = Buffer.from(request.body, "utf8");
  const client = url.protocol === "https:" ? https : http;

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const req = client.request(url, {
      method: request.method,
      headers: { ...request.headers, "user-agent": USER_AGENT, "content-length": String(body.byteLength) },
      agent: agentFor(url.protocol, policy),
      lookup: guardedLookup(policy, opts.lookup ?? dns.lookup),
    });
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error("attempt timed out"), { code: "ETIMEDOUT_ATTEMPT" }));
    }, opts.timeoutMs ?? attemptTimeoutMs());
    const onAbort = () => req.destroy(Object.assign(new Error("shutting down"), { code: "EABORTED" }));
    opts.signal?.addEventListener("abort", onAbort, { once: true });

    req.on("error", (error) => finish(fail(error)));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
        }
        const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8");
        finish({ kind: "response", response: { status: res.statusCode ?? 0, headers, body: text }, latencyMs: latency() });
      };
      res.on("data", (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk);
        size += chunk.byteLength;
        // A messenger that streams forever must not hold the attempt open.
        if (size >= MAX_RESPONSE_BYTES) {
          done();
          res.destroy();
        }
      });
      res.on("end", done);
      res.on("error", (error) => finish(fail(error)));
    });
    req.end(body);
  });
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
