import { defineMessenger } from "../define-messenger";
import { hiworksAdapter } from "./adapter";
import { hiworksMeta } from "./meta";

export const hiworks = defineMessenger({
  meta: hiworksMeta,
  // Observed `/messenger/chat/{32-hex}[/…]`; the spec treats everything after /messenger/ as opaque.
  url: { hosts: ["hooks.hiworks.com"], allowHttp: false, path: /^\/messenger\/[A-Za-z0-9._~\-/]+$/ },
  adapter: hiworksAdapter,
  // No documented limit: a conservative pace that a chat-alert workload never notices.
  pace: { intervalMs: 1_000, burst: 3 },
  // No documented error codes: the HTTP status decides (lib/delivery/health.ts, hints.ts).
});
