import { defineMessenger } from "../define-messenger";
import { googleChatAdapter } from "./adapter";
import { googleChatMeta } from "./meta";

export const googlechat = defineMessenger({
  meta: googleChatMeta,
  // A space webhook (docs/messengers.md): https://chat.googleapis.com/v1/spaces/{space}/messages
  // with the space's API key and webhook token in the query. The adapter adds messageReplyOption
  // itself, so a pasted URL carries exactly key and token.
  url: {
    hosts: ["chat.googleapis.com"],
    allowHttp: false,
    path: /^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages$/,
    query: { required: ["key", "token"], key: "googleChatQuery" },
  },
  adapter: googleChatAdapter,
  // Google's write quota is 1 per second *per space*, shared by every webhook in it. Pacing is per
  // destination (one row's pace in the queue), so two destinations in one space may together
  // exceed it: the 429 RESOURCE_EXHAUSTED that follows is retried (README, docs/messengers.md).
  pace: { intervalMs: 1_000, burst: 1 },
  // Errors are `{"error":{"code","message","status"}}`; the adapter's code is the details reason
  // when there is one (API_KEY_INVALID), else the status. A wrong token, a bad key and a gone
  // space pause; INVALID_ARGUMENT is this message's fault; RESOURCE_EXHAUSTED and 5xx retry.
  errors: {
    PERMISSION_DENIED: { hint: "googleChatToken", pauses: true },
    UNAUTHENTICATED: { hint: "googleChatToken", pauses: true },
    API_KEY_INVALID: { hint: "googleChatKey", pauses: true },
    NOT_FOUND: { hint: "googleChatNotFound", pauses: true },
    INVALID_ARGUMENT: { hint: "payload" },
    RESOURCE_EXHAUSTED: { hint: "rateLimited" },
    UNAVAILABLE: { hint: "serverError" },
    INTERNAL: { hint: "serverError" },
  },
});
