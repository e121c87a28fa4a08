import { afterEach, describe, expect, it } from "vitest";
import { type SmtpSettings, saveSmtpSettings } from "@/db/queries/smtp-settings";
import { useTempDatabase } from "@/db/test/temp-db";
import { type FakeSmtp, type FakeSmtpOptions, startFakeSmtp } from "@/e2e/fake-messenger/smtp";
import { emailAdapter } from "@/lib/messengers/email/adapter";
import { CTX, inquiry } from "@/lib/messengers/test/fixtures";
import type { OutboundMail, Outcome } from "@/lib/messengers/types";
import { attemptDelivery } from "./attempt";
import { settleAttempt } from "./settle";
import { type SmtpSendOptions, sendMail } from "./smtp";

// The SMTP sender against a real SMTP server on 127.0.0.1 (e2e/fake-messenger/smtp.ts), never a
// mock transport: build with the 이메일 adapter, send, classify, settle — as the worker does.

let smtp: FakeSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const USER = { user: "alimi", pass: "app-password-1" };
let version = 1;
async function server(opts: FakeSmtpOptions = {}, extra: Partial<SmtpSettings> = {}): Promise<SmtpSettings> {
  smtp = await startFakeSmtp(opts);
  return {
    host: smtp.host,
    port: smtp.port,
    security: smtp.security,
    username: opts.auth?.user ?? null,
    password: opts.auth?.pass ?? null,
    fromAddress: "alerts@alimi.example",
    fromName: "알리미",
    updatedAt: version++,
    ...extra,
  };
}

const mail = (): OutboundMail => emailAdapter.buildRequest(inquiry(), { name: "CS", webhookUrl: "cs@example.com, lead@example.com" }, CTX);
const loopback: SmtpSendOptions = { allowLoopback: true, timeoutMs: 3_000 };

async function attempt(
  settings: SmtpSettings | null,
  opts: SmtpSendOptions = loopback,
): Promise<{ outcome: Outcome; status: number | null }> {
  const result = await sendMail(mail(), settings, opts);
  if (result.kind === "network") return { outcome: result.outcome, status: null };
  return { outcome: emailAdapter.classify(result.response, Date.now()), status: result.response.status };
}

const settle = (outcome: Outcome, status: number | null) =>
  settleAttempt({
    outcome,
    httpStatus: status,
    at: 1_000_000,
    messenger: "email",
    destination: { paceTat: 0, consecutiveFailures: 0, firstFailureAt: null },
    deliveries: [{ id: "d1", createdAt: 999_000 }],
    policy: { maxRetryAgeMs: 86_400_000, retryScale: 1, random: () => 0.5 },
  });

describe("sending 이메일 over SMTP", () => {
  it("delivers one mail to every recipient, From the settings, with the subject and both parts", async () => {
    const settings = await server();
    const { outcome, status } = await attempt(settings);
    expect(outcome).toEqual({ kind: "delivered", status: 250 });
    expect(status).toBe(250);
    const [received] = smtp!.messages();
    expect(received).toMatchObject({
      from: "alerts@alimi.example",
      to: ["cs@example.com", "lead@example.com"],
      subject: "[알리미] 새 문의: 홍길동",
    });
    expect(received.text).toContain("상담 열기: https://chat.example.com/ws/sessions/s_123");
    expect(received.html).toContain('<a href="https://chat.example.com/ws/sessions/s_123"');
    expect(received.raw).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(received.raw).toMatch(/^From: =\?UTF-8\?.*<alerts@alimi\.example>/m);
  });

  it("retries a 451 and delivers on the next try, once", async () => {
    const settings = await server();
    smtp!.script("data", [{ code: 451, message: "4.3.0 Try again later" }]);
    const first = await attempt(settings);
    expect(first.outcome).toMatchObject({
      kind: "retry",
      status: 451,
      code: "smtp_temporary",
      message: expect.stringContaining("Try again later"),
    });
    expect(settle(first.outcome, first.status)).toMatchObject({ failed: [], pause: null });
    expect((await attempt(settings)).outcome).toEqual({ kind: "delivered", status: 250 });
    expect(smtp!.messages()).toHaveLength(1);
  });

  it("a 550 for every recipient fails the alert with the server's words, without pausing", async () => {
    const settings = await server();
    smtp!.rejectRecipient("cs@example.com");
    smtp!.rejectRecipient("lead@example.com");
    const { outcome, status } = await attempt(settings);
    expect(outcome).toMatchObject({
      kind: "permanent",
      status: 550,
      code: "recipient_refused",
      message: expect.stringContaining("User unknown"),
    });
    expect(settle(outcome, status)).toMatchObject({ failed: ["d1"], pause: null });
  });

  it("one refused recipient of two: delivered to the other, the refusal kept", async () => {
    const settings = await server();
    smtp!.rejectRecipient("lead@example.com");
    const result = await sendMail(mail(), settings, loopback);
    expect(result.kind === "response" && result.response).toMatchObject({
      status: 250,
      body: expect.stringContaining("refused: lead@example.com"),
    });
    expect(smtp!.messages()[0].to).toEqual(["cs@example.com"]);
  });

  it("bad credentials (535) pause the destination with the auth hint", async () => {
    const settings = await server({ security: "none", auth: USER }, { password: "wrong" });
    const { outcome, status } = await attempt(settings);
    expect(outcome).toMatchObject({ kind: "permanent", status: 535, code: "auth_failed" });
    expect(settle(outcome, status).pause).toMatchObject({ code: "auth_failed", reason: expect.stringContaining("535") });
  });

  it("STARTTLS with AUTH, the self-signed test certificate trusted through an explicit CA", async () => {
    const settings = await server({ security: "starttls", auth: USER });
    expect((await attempt(settings, { ...loopback, ca: smtp!.cert! })).outcome).toEqual({ kind: "delivered", status: 250 });
    expect(smtp!.messages()[0]).toMatchObject({ secure: true, user: "alimi" });
    // Without that CA the certificate is not trusted, and nothing is sent: a settings problem.
    const untrusted = await attempt({ ...settings, updatedAt: version++ });
    expect(untrusted.outcome).toMatchObject({ kind: "permanent", code: "smtp_tls" });
    expect(settle(untrusted.outcome, untrusted.status).pause).not.toBeNull();
    expect(smtp!.messages()).toHaveLength(1);
  });

  it("implicit TLS (port-465 style)", async () => {
    const settings = await server({ security: "tls", auth: USER });
    expect((await attempt(settings, { ...loopback, ca: smtp!.cert! })).outcome).toEqual({ kind: "delivered", status: 250 });
  });

  it("STARTTLS required: a server that does not offer it gets nothing in plain text", async () => {
    const settings = await server({ security: "none" }, { security: "starttls" });
    expect((await attempt(settings)).outcome).toMatchObject({ kind: "permanent", code: "smtp_tls" });
    expect(smtp!.messages()).toHaveLength(0);
  });

  it("without the loopback flag: 127.0.0.1 and plain SMTP are refused before connecting", async () => {
    const plain = await server();
    expect((await attempt(plain, { allowLoopback: false })).outcome).toMatchObject({ kind: "permanent", code: "smtp_tls" });
    const tls = { ...plain, security: "starttls" as const, updatedAt: version++ };
    expect((await attempt(tls, { allowLoopback: false })).outcome).toMatchObject({ kind: "permanent", code: "blocked_address" });
    // A name that resolves to loopback is refused on the resolved address.
    const named = { ...tls, host: "smtp.innocent.example", updatedAt: version++ };
    const lookup = ((_h: string, _o: unknown, cb: (e: null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: "127.0.0.1", family: 4 }])) as never;
    expect((await attempt(named, { allowLoopback: false, lookup })).outcome).toMatchObject({ kind: "permanent", code: "blocked_address" });
    expect(smtp!.messages()).toHaveLength(0);
  });

  it("no 이메일 서버 yet: permanent, with the hint to set one up", async () => {
    expect((await attempt(null)).outcome).toMatchObject({ kind: "permanent", code: "smtp_not_configured" });
  });

  it("a server that never answers times out and is retried", async () => {
    const settings = await server();
    smtp!.setMode("connect", { delayMs: 2_000 });
    expect((await attempt(settings, { ...loopback, timeoutMs: 300 })).outcome).toMatchObject({ kind: "retry", code: "timeout" });
  });
});

describe("attemptDelivery for 이메일", () => {
  useTempDatabase();

  it("reads the saved (encrypted) 이메일 서버 and refuses loopback without ALERTS_ALLOW_LOOPBACK_WEBHOOKS", async () => {
    const settings = await server({ security: "starttls", auth: USER });
    saveSmtpSettings({ ...settings, password: USER.pass });
    const result = await attemptDelivery("email", inquiry(), { name: "CS", webhookUrl: "cs@example.com" }, CTX);
    expect(result.outcome).toMatchObject({ kind: "permanent", code: "blocked_address" });
    expect(smtp!.messages()).toHaveLength(0);
  });
});
