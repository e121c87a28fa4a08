import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { testCertificate } from "./smtp-cert";
import { type ParsedMail, parseMail } from "./smtp-mime";

// A real SMTP server on 127.0.0.1 for 이메일 tests: records every message, speaks plain SMTP,
// STARTTLS (port-587 style) or implicit TLS (port-465 style) with a self-signed certificate made
// at start, optionally requires AUTH PLAIN/LOGIN, and can be scripted per stage of the SMTP
// dialogue to answer a code of the test's choosing (550 permanent, 451/421 temporary) or late.

export type SmtpSecurity = "none" | "starttls" | "tls";
export type SmtpStage = "connect" | "auth" | "mail" | "rcpt" | "data";
/** A reply code (with its text) and/or a delay before answering; `{}` answers as usual. */
export interface SmtpBehaviour {
  code?: number;
  message?: string;
  delayMs?: number;
}

export interface ReceivedMail extends ParsedMail {
  at: number;
  from: string;
  to: string[];
  raw: string;
  /** The AUTH user, null when the client did not log in. */
  user: string | null;
  /** Whether the message came over TLS (after STARTTLS, or implicit TLS). */
  secure: boolean;
}

export interface FakeSmtpOptions {
  security?: SmtpSecurity;
  /** Require AUTH PLAIN/LOGIN with this user; without it, AUTH is not offered. */
  auth?: { user: string; pass: string };
  port?: number;
  /** Called with each mail accepted (the CLI prints them for a local demo). */
  onMessage?: (mail: ReceivedMail) => void;
}

export interface FakeSmtp {
  host: "127.0.0.1";
  port: number;
  security: SmtpSecurity;
  /** The certificate to trust (PEM) when security is not "none". */
  cert: string | null;
  messages(): ReceivedMail[];
  /** Queue behaviours for the next times the dialogue reaches `stage`; then the sticky mode. */
  script(stage: SmtpStage, behaviours: SmtpBehaviour[]): void;
  setMode(stage: SmtpStage, behaviour: SmtpBehaviour | null): void;
  /** Refuse RCPT TO for this address (case-insensitive) until reset, 550 unless told otherwise. */
  rejectRecipient(address: string, code?: number, message?: string): void;
  reset(): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const STAGES: readonly SmtpStage[] = ["connect", "auth", "mail", "rcpt", "data"];
const DEFAULT_TEXT: Record<number, string> = {
  421: "Service not available, closing transmission channel",
  450: "Mailbox unavailable, try again later",
  451: "Local error in processing, try again later",
  452: "Insufficient system storage",
  550: "Mailbox unavailable",
  552: "Exceeded storage allocation",
  553: "Mailbox name not allowed",
  554: "Transaction failed",
};

function checkBehaviour(b: SmtpBehaviour): SmtpBehaviour {
  const extra = Object.keys(b).filter((k) => !["code", "message", "delayMs"].includes(k));
  if (extra.length) throw new Error(`unexpected key(s) ${extra.join(", ")} in an SMTP behaviour`);
  if (b.code !== undefined && !(Number.isInteger(b.code) && b.code >= 400 && b.code <= 599))
    throw new Error("an SMTP behaviour code is a 4xx or 5xx reply code");
  if (b.delayMs !== undefined && !(b.delayMs >= 0)) throw new Error("delayMs must be a number ≥ 0");
  return b;
}

const smtpError = (code: number, message?: string) =>
  Object.assign(new Error(message ?? DEFAULT_TEXT[code] ?? "Refused"), { responseCode: code });

export async function startFakeSmtp(opts: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const security = opts.security ?? "none";
  const cert = security === "none" ? null : testCertificate();
  let received: ReceivedMail[] = [];
  const queues = new Map<SmtpStage, SmtpBehaviour[]>(STAGES.map((s) => [s, []]));
  const modes = new Map<SmtpStage, SmtpBehaviour | null>();
  const rejected = new Map<string, { code: number; message?: string }>();
  const listeners = new Set<() => void>();

  /** Plays the behaviour for this stage: waits if told to, then returns the error to answer, if any. */
  async function play(stage: SmtpStage): Promise<Error | null> {
    const b = queues.get(stage)!.shift() ?? modes.get(stage) ?? null;
    if (b?.delayMs) await sleep(b.delayMs);
    return b?.code ? smtpError(b.code, b.message) : null;
  }
  const settle = (p: Promise<Error | null>, cb: (err?: Error | null) => void) => void p.then((e) => cb(e), cb);

  const options: SMTPServerOptions = {
    name: "fake-smtp.alimi.test",
    logger: false,
    secure: security === "tls",
    ...(cert ? { key: cert.key, cert: cert.cert } : {}),
    disabledCommands: [...(security === "starttls" ? [] : ["STARTTLS"]), ...(opts.auth ? [] : ["AUTH"])],
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: !opts.auth,
    // Plain-text AUTH only on the "none" server, which exists for loopback tests.
    allowInsecureAuth: security === "none",
    closeTimeout: 200,
    onConnect: (_session, cb) => settle(play("connect"), cb),
    onAuth(auth, _session, cb) {
      void play("auth").then((err) => {
        if (err) return cb(err);
        if (auth.username !== opts.auth?.user || auth.password !== opts.auth?.pass)
          return cb(smtpError(535, "Authentication credentials invalid"));
        cb(null, { user: auth.username });
      }, cb);
    },
    onMailFrom: (_address, _session, cb) => settle(play("mail"), cb),
    onRcptTo(address, _session, cb) {
      const rule = rejected.get(address.address.toLowerCase());
      if (rule) return cb(smtpError(rule.code, rule.message));
      settle(play("rcpt"), cb);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void play("data").then((err) => {
          if (err) return cb(err);
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({
            at: Date.now(),
            raw,
            ...parseMail(raw),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === "string" ? session.user : null,
            secure: session.secure,
          });
          for (const l of listeners) l();
          opts.onMessage?.(received[received.length - 1]);
          cb(null, "OK: queued as fake");
        }, cb);
      });
    },
  };
  const server = new SMTPServer(options);
  server.on("error", () => undefined); // a client that drops mid-dialogue is not the test's failure
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: "127.0.0.1",
    port,
    security,
    cert: cert?.cert ?? null,
    messages: () => [...received],
    script: (stage, behaviours) => void queues.get(stage)!.push(...behaviours.map(checkBehaviour)),
    setMode: (stage, behaviour) => void modes.set(stage, behaviour && checkBehaviour(behaviour)),
    rejectRecipient: (address, code = 550, message) =>
      void rejected.set(address.toLowerCase(), { code, message: message ?? "5.1.1 Recipient address rejected: User unknown" }),
    reset() {
      received = [];
      for (const s of STAGES) queues.set(s, []);
      modes.clear();
      rejected.clear();
    },
    waitForMessages(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          done();
          resolve([...received]);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
