import "server-only";
import dns from "node:dns";
import nodemailer from "nodemailer";
import type { SmtpSettings } from "@/db/queries/smtp-settings";
import type { OutboundMail, Outcome } from "@/lib/messengers/types";
import { isIpLiteral } from "@/lib/net/ip-ranges";
import { addressAllowed, attemptTimeoutMs, classifyNetworkError, type SendResult } from "./send";
import { smtpFailure } from "./smtp-errors";

// The SMTP sender, beside the HTTP one (send.ts): the 이메일 adapter writes the mail, this sends
// it through the workspace's 이메일 서버 and reports the server's reply as a MessengerResponse
// (reply code as status, reply line as body) for the adapter to classify. It owns the same
// things send.ts does: the timeout, the SSRF guard on the address actually connected to (the
// host is resolved here and the transport connects to that exact address, TLS still verifying
// the name), and pooling — one transport per settings version and address.

export interface SmtpSendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1: 127.0.0.1 and 보안 연결 없음 (tests, local demos) */
  allowLoopback: boolean;
  /** tests replace DNS to prove the guard runs on the resolved address */
  lookup?: typeof dns.lookup;
  /**
   * Tests only: the one CA to trust (the fake server's self-signed certificate). Certificates
   * are always verified; production callers never pass this, so the system's CAs apply.
   */
  ca?: string;
}

type Transport = ReturnType<typeof nodemailer.createTransport>;
const pools = new Map<string, { version: number; transport: Transport }>();

function transportFor(
  server: SmtpSettings,
  address: string,
  opts: SmtpSendOptions,
  timeoutMs: number,
): { key: string; transport: Transport } {
  const key = `${server.updatedAt}|${address}|${opts.ca ? "ca" : ""}`;
  // A newer version of the settings retires every transport of an older one.
  for (const [k, pooled] of pools) {
    if (pooled.version !== server.updatedAt) {
      pooled.transport.close();
      pools.delete(k);
    }
  }
  let pooled = pools.get(key);
  if (!pooled) {
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      maxMessages: 100,
      host: address,
      port: server.port,
      secure: server.security === "tls",
      // STARTTLS is required, never optional: a server that does not offer it is an error, not a plain-text send.
      requireTLS: server.security === "starttls",
      ignoreTLS: server.security === "none",
      ...(server.username ? { auth: { user: server.username, pass: server.password ?? "" } } : {}),
      // Connected by address, verified by name (SNI and the certificate check use the host name).
      tls: {
        ...(isIpLiteral(server.host) ? {} : { servername: server.host }),
        minVersion: "TLSv1.2",
        ...(opts.ca ? { ca: [opts.ca] } : {}),
      },
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    pooled = { version: server.updatedAt, transport };
    pools.set(key, pooled);
  }
  return { key, transport: pooled.transport };
}

function drop(key: string): void {
  pools.get(key)?.transport.close();
  pools.delete(key);
}

/** The address to connect to: the host's first address the policy allows, or why not. */
async function resolveAllowed(host: string, allowLoopback: boolean, lookup: typeof dns.lookup): Promise<string | Outcome> {
  const policy = { allowLoopback, allowPrivate: false };
  const blocked = (what: string): Outcome => ({
    kind: "permanent",
    status: 0,
    code: "blocked_address",
    message: `${what} is not a public address`,
  });
  if (isIpLiteral(host)) return addressAllowed(host, policy) ? host : blocked(host);
  try {
    const list = await new Promise<dns.LookupAddress[]>((resolve, reject) =>
      lookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses as dns.LookupAddress[]))),
    );
    return list.find((a) => addressAllowed(a.address, policy))?.address ?? blocked(`${host} (${list[0]?.address ?? "nothing"})`);
  } catch (error) {
    return classifyNetworkError(error);
  }
}

export async function sendMail(mail: OutboundMail, server: SmtpSettings | null, opts: SmtpSendOptions): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const failed = (outcome: Outcome): SendResult => ({
    kind: "network",
    outcome: outcome as Exclude<Outcome, { kind: "delivered" }>,
    latencyMs: latency(),
  });
  if (!server) return failed({ kind: "permanent", status: 0, code: "smtp_not_configured", message: "no 이메일 서버 is set up" });
  // Saved under the flag and the flag since removed: plain SMTP is still refused.
  if (server.security === "none" && !opts.allowLoopback)
    return failed({ kind: "permanent", status: 0, code: "smtp_tls", message: "보안 연결 없음 is refused" });
  const address = await resolveAllowed(server.host, opts.allowLoopback, opts.lookup ?? dns.lookup);
  if (typeof address !== "string") return failed(address);

  const timeoutMs = opts.timeoutMs ?? attemptTimeoutMs();
  const { key, transport } = transportFor(server, address, opts, timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => drop(key);
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("attempt timed out"), { code: "ETIMEDOUT_ATTEMPT" })), timeoutMs);
  });
  try {
    const info = await Promise.race([
      transport.sendMail({
        from: { name: server.fromName, address: server.fromAddress },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      }),
      timeout,
    ]);
    const reply = String(info.response ?? "250 OK");
    // Some recipients refused (5xx at RCPT), the rest accepted: delivered, the refusals kept in the log.
    const refused = (info.rejected ?? []).map(String);
    const body = refused.length ? `${reply} · refused: ${refused.join(", ")}` : reply;
    return {
      kind: "response",
      response: { status: Number(/^\d{3}/.exec(reply)?.[0] ?? 250), headers: { "smtp-command": "DATA" }, body },
      latencyMs: latency(),
    };
  } catch (error) {
    const failure = smtpFailure(error);
    // A broken connection or a stuck one is not reused: the next try starts afresh.
    if (failure.kind !== "response") drop(key);
    return failure.kind === "response" ? { ...failure, latencyMs: latency() } : failed(failure.outcome);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
  }
}
