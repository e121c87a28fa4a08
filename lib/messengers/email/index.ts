import { defineMessenger } from "../define-messenger";
import { emailAdapter } from "./adapter";
import { emailMeta } from "./meta";
import { recipientsAddress } from "./recipients";

export const email = defineMessenger({
  meta: emailMeta,
  recipients: recipientsAddress,
  adapter: emailAdapter,
  // Providers limit per account (docs/messengers.md); one mail per 2 s after a burst of 5, and
  // what arrives faster goes out as one digest mail.
  pace: { intervalMs: 2_000, burst: 5 },
  // Codes from classifySmtp and lib/delivery/smtp.ts. Settings that cannot work (credentials,
  // TLS, no 이메일 서버) pause the destination; a refused recipient or message fails that alert.
  errors: {
    auth_failed: { hint: "smtpAuth", pauses: true },
    smtp_tls: { hint: "smtpTls", pauses: true },
    smtp_not_configured: { hint: "smtpNotConfigured", pauses: true },
    recipient_refused: { hint: "smtpRecipient" },
    smtp_rejected: { hint: "smtpRejected" },
    smtp_temporary: { hint: "smtpTemporary" },
  },
});
