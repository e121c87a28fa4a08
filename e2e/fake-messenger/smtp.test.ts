import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeSmtp, type FakeSmtpOptions, startFakeSmtp } from "./smtp";

// The fake SMTP server against nodemailer (what Alimi sends with), over real sockets on 127.0.0.1.

let smtp: FakeSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const start = async (opts: FakeSmtpOptions = {}) => (smtp = await startFakeSmtp(opts));
const USER = { user: "alimi", pass: "test-password" };

function transport(s: FakeSmtp, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === "tls",
    requireTLS: s.security === "starttls",
    ignoreTLS: s.security === "none",
    tls: s.cert ? { ca: [s.cert], servername: "localhost" } : undefined,
    connectionTimeout: 3_000,
    greetingTimeout: 3_000,
    socketTimeout: 3_000,
    ...extra,
  });
}

const MAIL = {
  from: "알리미 <alerts@example.com>",
  to: "support@example.com",
  subject: "[알리미] 새 문의: 홍길동 님 — 결제가 안 돼요",
  text: "홍길동 님의 새 문의\n결제가 안 돼요 <script>",
  html: "<p>홍길동 님의 새 문의</p><p>결제가 안 돼요 &lt;script&gt;</p>",
};

describe("fake SMTP server", () => {
  it("records a Korean mail sent without TLS: envelope, subject, text and HTML", async () => {
    const s = await start();
    const info = await transport(s).sendMail(MAIL);
    expect(info.accepted).toEqual(["support@example.com"]);
    const [mail] = s.messages();
    expect(mail).toMatchObject({
      from: "alerts@example.com",
      to: ["support@example.com"],
      subject: MAIL.subject,
      text: MAIL.text,
      html: MAIL.html,
      secure: false,
      user: null,
    });
    expect(mail.raw).toContain("Subject:");
  });

  it("upgrades with STARTTLS, requires AUTH, and refuses a wrong password with 535", async () => {
    const s = await start({ security: "starttls", auth: USER });
    await transport(s, { auth: USER }).sendMail(MAIL);
    expect(s.messages()[0]).toMatchObject({ secure: true, user: "alimi", subject: MAIL.subject });
    await expect(transport(s, { auth: { ...USER, pass: "wrong" } }).sendMail(MAIL)).rejects.toMatchObject({
      code: "EAUTH",
      responseCode: 535,
    });
    await expect(transport(s).sendMail(MAIL)).rejects.toMatchObject({ responseCode: 530 });
  });

  it("speaks implicit TLS (port-465 style) with its test certificate", async () => {
    const s = await start({ security: "tls", auth: USER });
    await transport(s, { auth: USER }).sendMail(MAIL);
    expect(s.messages()[0].secure).toBe(true);
    // A client that does not trust the test certificate is refused by TLS itself.
    await expect(transport(s, { auth: USER, tls: { servername: "localhost" } }).sendMail(MAIL)).rejects.toThrow();
  });

  it("rejects a recipient with 550: partly delivered, or an EENVELOPE error when none is left", async () => {
    const s = await start();
    s.rejectRecipient("Gone@Example.com");
    const info = await transport(s).sendMail({ ...MAIL, to: ["support@example.com", "gone@example.com"] });
    expect([info.accepted, info.rejected]).toEqual([["support@example.com"], ["gone@example.com"]]);
    expect(s.messages()[0].to).toEqual(["support@example.com"]);
    await expect(transport(s).sendMail({ ...MAIL, to: "gone@example.com" })).rejects.toMatchObject({
      code: "EENVELOPE",
      responseCode: 550,
    });
  });

  it("answers scripted temporary and permanent codes at each stage, with the server's words", async () => {
    const s = await start();
    s.script("data", [{ code: 451, message: "4.3.0 Try again later" }]);
    s.script("connect", [{ code: 421 }]);
    s.script("mail", [{ code: 554, message: "5.7.1 Sender blocked" }]);
    const t = transport(s);
    await expect(t.sendMail(MAIL)).rejects.toMatchObject({ responseCode: 421 });
    await expect(t.sendMail(MAIL)).rejects.toMatchObject({ responseCode: 554, response: expect.stringContaining("Sender blocked") });
    await expect(t.sendMail(MAIL)).rejects.toMatchObject({ responseCode: 451, response: expect.stringContaining("Try again later") });
    await t.sendMail(MAIL);
    expect(s.messages()).toHaveLength(1);
    s.setMode("rcpt", { code: 452 });
    await expect(t.sendMail(MAIL)).rejects.toMatchObject({ responseCode: 452 });
    expect(() => s.script("data", [{ code: 250 }])).toThrow(/4xx or 5xx/);
  });

  it("answers late when told to, so a sender's timeout can be exercised", async () => {
    const s = await start();
    s.script("mail", [{ delayMs: 300 }]);
    const started = Date.now();
    await transport(s).sendMail(MAIL);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    s.script("data", [{ delayMs: 2_000 }]);
    await expect(transport(s, { socketTimeout: 200 }).sendMail(MAIL)).rejects.toMatchObject({ code: "ETIMEDOUT" });
    await expect(s.waitForMessages(2, 50)).rejects.toThrow(/got 1/);
  });
});
