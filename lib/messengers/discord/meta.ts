import { type MessengerMeta, SHARED_PAUSE_STATUSES } from "../cards/policy";

// docs/messengers.md, Discord: 404 10015 Unknown Webhook, 401 50027 Invalid Webhook Token and
// 403 (50013 Missing Permissions …) pause at once — many invalid requests in a row get the IP
// banned by Cloudflare. 400s (50006, 50035, 50109) fail one alert; 429 and 5xx retry.
export const DISCORD_PAUSE_CODES = ["10015", "50027", "50013"] as const;

export const discordMeta = {
  // Observed per-webhook bucket: 5 per ~2 s, ~30 per minute per channel. 1 per 2 s, burst 2; the
  // sender should also wait discordQuietMs (./adapter.ts) when the headers say the bucket is empty.
  pace: { intervalMs: 2_000, burst: 2 },
  pause: { codes: DISCORD_PAUSE_CODES, statuses: SHARED_PAUSE_STATUSES },
  hints: {
    "10015": "discordUnknownWebhook",
    "50027": "discordInvalidToken",
    "50013": "discordPermissions",
    "50006": "payload",
    "50035": "payload",
    "50109": "payload",
  },
  // <@id>, <@&role>, @everyone/@here: never pinging (allowed_mentions.parse is always empty).
  capabilities: { mentions: "<@id>, <@&id>, @everyone, @here", threads: false, privateNetwork: false },
  badge: { background: "#eceefe", color: "#3c45a5" },
  guide: {
    steps: 5,
    links: ["https://support.discord.com/hc/articles/228383668"],
  },
} as const satisfies MessengerMeta;
