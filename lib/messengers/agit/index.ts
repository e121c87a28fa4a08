import { defineMessenger } from "../define-messenger";
import { agitAdapter } from "./adapter";
import { agitMeta } from "./meta";

export const agit = defineMessenger({
  meta: agitMeta,
  url: {
    hosts: ["agit.io"],
    allowHttp: false,
    path: /^\/webhook\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  },
  adapter: agitAdapter,
  // No documented limit: a conservative pace that a chat-alert workload never notices.
  pace: { intervalMs: 1_000, burst: 3 },
  // No documented error codes: the HTTP status decides (lib/delivery/health.ts, hints.ts).
});
