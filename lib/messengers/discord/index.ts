import { defineMessenger } from "../define-messenger";
import { discordAdapter } from "./adapter";
import { discordMeta } from "./meta";

export const discord = defineMessenger({
  meta: discordMeta,
  // A channel webhook (docs/messengers.md): discord.com or the older discordapp.com,
  // /api/webhooks/{snowflake}/{token}, optionally versioned (/api/v10/…). The /slack and /github
  // variants take other payloads; ptb./canary. hosts are refused until seen in the wild.
  url: {
    hosts: ["discord.com", "discordapp.com"],
    allowHttp: false,
    path: /^\/api(\/v\d{1,2})?\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{20,}$/,
    refused: [{ path: /^\/api(\/v\d{1,2})?\/webhooks\/\d+\/[^/]+\/(slack|github)$/, key: "discordFormat" }],
    // thread_id posts into a thread of a forum or text channel; wait is set by the adapter anyway.
    query: { optional: ["wait", "thread_id"], values: { wait: /^(true|false)$/, thread_id: /^\d{17,20}$/ }, key: "discordQuery" },
  },
  adapter: discordAdapter,
  // Observed per-webhook bucket: 5 per ~2 s, ~30 per minute per channel: 1 per 2 s, burst 2. When
  // its headers say the bucket is empty the adapter reports a quiet time, and a 429's retry_after
  // becomes the retry's wait (lib/delivery/settle.ts).
  pace: { intervalMs: 2_000, burst: 2 },
  // 404 10015 Unknown Webhook, 401 50027 Invalid Webhook Token and 403 50013 pause at once — many
  // invalid requests in a row get the IP banned by Cloudflare. 400s fail one alert.
  errors: {
    "10015": { hint: "discordUnknownWebhook", pauses: true },
    "50027": { hint: "discordInvalidToken", pauses: true },
    "50013": { hint: "discordPermissions", pauses: true },
    "50006": { hint: "payload" },
    "50035": { hint: "payload" },
    "50109": { hint: "payload" },
  },
});
