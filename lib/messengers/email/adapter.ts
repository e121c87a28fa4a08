import type { Adapter, MessengerResponse, Outcome } from "../types";
import { buildMail } from "./mail";
import { splitRecipients } from "./recipients";

// 이메일 over SMTP. buildRequest writes the mail (lib/delivery/smtp.ts sends it); classify reads
// the server's reply as lib/delivery/smtp.ts reports it: the reply code as `status`, the reply
// line as `body`, the command it answered in `headers["smtp-command"]` (RFC 5321 §4.2.1).

const MESSAGE_LENGTH = 300;

/** The SMTP reply code's meaning: our code (see index.ts `errors`) for anything but success. */
export function smtpCode(status: number, command: string): string {
  if (status >= 400 && status < 500) return "smtp_temporary";
  // The server refused STARTTLS (or does not offer it): nothing is ever sent in plain text.
  if (/^STARTTLS\b/i.test(command)) return "smtp_tls";
  // 530 auth required, 534 mechanism too weak, 535 credentials invalid — or any 5xx to AUTH.
  if ([530, 534, 535, 538].includes(status) || /^AUTH\b/i.test(command)) return "auth_failed";
  // 550/551/553 to RCPT TO: this recipient is refused (unknown mailbox, relay denied).
  if (/^RCPT\b/i.test(command) && [550, 551, 553].includes(status)) return "recipient_refused";
  return "smtp_rejected";
}

export function classifySmtp(res: MessengerResponse): Outcome {
  const { status } = res;
  if (status >= 200 && status < 300) return { kind: "delivered", status };
  const message = [...res.body.trim()].slice(0, MESSAGE_LENGTH).join("") || undefined;
  const code = smtpCode(status, res.headers["smtp-command"] ?? "");
  const detail = { code, ...(message ? { message } : {}) };
  // 4yz: transient (421 closing, 450/451/452 busy, local error, storage): try again later.
  if (status >= 400 && status < 500) return { kind: "retry", status, ...detail };
  return { kind: "permanent", status, ...detail };
}

export const emailAdapter = {
  id: "email",
  buildRequest(alert, config, ctx) {
    const mail = buildMail(alert, ctx);
    return {
      kind: "mail",
      to: splitRecipients(config.webhookUrl),
      ...mail,
      // RFC 3834: an automatic message, so vacation auto-replies stay quiet.
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    };
  },
  // SMTP has no Retry-After: `now` is not needed.
  classify: (res: MessengerResponse, _now: number) => classifySmtp(res),
} satisfies Adapter<"email">;
