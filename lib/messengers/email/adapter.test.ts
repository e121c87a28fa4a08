import { describe, expect, it } from "vitest";
import { pausesDestination } from "@/lib/delivery/health";
import { hintFor } from "@/lib/delivery/hints";
import { emailAdapter } from "./adapter";

const reply = (status: number, body: string, command = "DATA") =>
  emailAdapter.classify({ status, body, headers: { "smtp-command": command } }, 0);

describe("email classify: SMTP replies", () => {
  it("2yz is delivered", () => {
    expect(reply(250, "250 OK: queued as fake")).toEqual({ kind: "delivered", status: 250 });
  });

  it.each([421, 450, 451, 452])("%i is retried, with the server's words", (status) => {
    expect(reply(status, `${status} 4.3.0 Try again later`)).toEqual({
      kind: "retry",
      status,
      code: "smtp_temporary",
      message: `${status} 4.3.0 Try again later`,
    });
  });

  it.each([
    [535, "AUTH PLAIN", "auth_failed", true],
    [530, "MAIL FROM", "auth_failed", true],
    [534, "AUTH LOGIN", "auth_failed", true],
    [550, "RCPT TO", "recipient_refused", false],
    [553, "RCPT TO", "recipient_refused", false],
    [552, "DATA", "smtp_rejected", false],
    [554, "MAIL FROM", "smtp_rejected", false],
    [550, "MAIL FROM", "smtp_rejected", false],
    [502, "STARTTLS", "smtp_tls", true],
  ] as const)("%i to %s is permanent (%s); pauses: %s", (status, command, code, pauses) => {
    const outcome = reply(status, `${status} 5.7.1 words of the server`, command);
    expect(outcome).toEqual({ kind: "permanent", status, code, message: `${status} 5.7.1 words of the server` });
    expect(pausesDestination("email", outcome)).toBe(pauses);
  });

  it("every code has its hint", () => {
    expect(hintFor("email", reply(535, "535 Authentication credentials invalid", "AUTH PLAIN"), 535)).toBe("smtpAuth");
    expect(hintFor("email", reply(550, "550 5.1.1 User unknown", "RCPT TO"), 550)).toBe("smtpRecipient");
    expect(hintFor("email", reply(451, "451 later"), 451)).toBe("smtpTemporary");
    expect(hintFor("email", reply(554, "554 no"), 554)).toBe("smtpRejected");
    expect(hintFor("email", { kind: "permanent", status: 0, code: "smtp_not_configured" }, null)).toBe("smtpNotConfigured");
    expect(hintFor("email", { kind: "permanent", status: 0, code: "smtp_tls" }, null)).toBe("smtpTls");
  });
});
