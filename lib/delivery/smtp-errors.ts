import type { MessengerResponse, Outcome } from "@/lib/messengers/types";
import { classifyNetworkError } from "./send";

// What nodemailer's errors mean (docs/messengers.md, 이메일): an error with an SMTP reply code is
// the server's answer, handed to the adapter as such; the rest is the connection's fault —
// TLS and authentication without a reply mean the settings are wrong, anything else is retried.

interface NodemailerError {
  code?: string;
  message?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  cause?: { code?: string };
}

const TLS_CODES = /^(ETLS|EREQUIRETLS|ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET))/;
const TLS_WORDS = /certificate|self[- ]signed|ssl|tls|handshake|wrong version number/i;

export function smtpFailure(
  error: unknown,
): { kind: "response"; response: MessengerResponse } | { kind: "network"; outcome: Exclude<Outcome, { kind: "delivered" }> } {
  const err = (error ?? {}) as NodemailerError;
  if (typeof err.responseCode === "number" && err.responseCode >= 400) {
    // EENVELOPE (every recipient refused) carries no command: it was RCPT TO.
    const command = err.command ?? (err.code === "EENVELOPE" ? "RCPT TO" : "");
    return {
      kind: "response",
      response: { status: err.responseCode, headers: { "smtp-command": command }, body: String(err.response ?? err.message ?? "") },
    };
  }
  const code = err.code ?? "";
  const message = String(err.message ?? code).slice(0, 300);
  if (TLS_CODES.test(code) || TLS_CODES.test(err.cause?.code ?? "") || TLS_WORDS.test(message)) {
    return { kind: "network", outcome: { kind: "permanent", status: 0, code: "smtp_tls", message } };
  }
  if (code === "EAUTH") return { kind: "network", outcome: { kind: "permanent", status: 0, code: "auth_failed", message } };
  if (code === "ETIMEDOUT" || code === "ETIMEDOUT_ATTEMPT")
    return { kind: "network", outcome: classifyNetworkError({ code: "ETIMEDOUT_ATTEMPT" }) };
  if (code === "EDNS") return { kind: "network", outcome: classifyNetworkError({ code: "ENOTFOUND" }) };
  // ECONNECTION/ESOCKET wrap the socket's own error; its code is in the message.
  const inner = /\b(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)\b/.exec(message)?.[1];
  return { kind: "network", outcome: classifyNetworkError({ code: inner ?? code, message }) };
}
