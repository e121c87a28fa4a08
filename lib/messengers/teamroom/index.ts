import { defineMessenger } from "../define-messenger";
import { teamroomAdapter } from "./adapter";
import { teamroomMeta } from "./meta";

export const teamroom = defineMessenger({
  meta: teamroomMeta,
  url: { hosts: ["teamroom.nate.com"], allowHttp: false, path: /^\/api\/webhook\/[0-9a-fA-F]{8}\/[A-Za-z0-9_-]+$/ },
  adapter: teamroomAdapter,
  // No documented limit: a conservative pace that a chat-alert workload never notices.
  pace: { intervalMs: 1_000, burst: 3 },
  // No documented error codes: the HTTP status decides (lib/delivery/health.ts, hints.ts).
});
