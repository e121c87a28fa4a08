import { type MessengerMeta, SHARED_PAUSE_STATUSES } from "../cards/policy";
import { googleChatSpaceOf } from "./schema";

// docs/messengers.md, Google Chat: errors are `{"error":{"code","message","status"}}`; the adapter's
// code is the details reason when there is one (API_KEY_INVALID), else the status string.
// A wrong token (403 PERMISSION_DENIED), a bad key and a gone space (404 NOT_FOUND) pause; any
// other 400 INVALID_ARGUMENT is this message's fault; 429 RESOURCE_EXHAUSTED and 5xx retry
// (Google sends no Retry-After there: the sender's own backoff applies).
export const GOOGLE_CHAT_PAUSE_CODES = ["PERMISSION_DENIED", "API_KEY_INVALID", "NOT_FOUND", "UNAUTHENTICATED"] as const;

export const googleChatMeta = {
  // The write quota is 1 per second *per space*, shared by every app and webhook in it: pace on
  // the space (paceKey), not on the destination, with no burst.
  pace: { intervalMs: 1_000, burst: 1 },
  paceKey: (webhookUrl: string) => {
    const space = googleChatSpaceOf(webhookUrl);
    return space === null ? null : `googlechat:${space}`;
  },
  pause: { codes: GOOGLE_CHAT_PAUSE_CODES, statuses: SHARED_PAUSE_STATUSES },
  hints: {
    PERMISSION_DENIED: "googleChatToken",
    UNAUTHENTICATED: "googleChatToken",
    API_KEY_INVALID: "googleChatKey",
    NOT_FOUND: "googleChatNotFound",
    INVALID_ARGUMENT: "payload",
    RESOURCE_EXHAUSTED: "rateLimited",
    UNAVAILABLE: "serverError",
    INTERNAL: "serverError",
  },
  // `<users/all>` and `<users/{id}>` in `text`; Alimi breaks them in customer text.
  capabilities: { mentions: "<users/all>, <users/{id}>", threads: true, privateNetwork: false },
  badge: { background: "#e6f4ea", color: "#137333" },
  guide: {
    steps: 5,
    links: ["https://developers.google.com/workspace/chat/quickstart/webhooks"],
  },
} as const satisfies MessengerMeta;
