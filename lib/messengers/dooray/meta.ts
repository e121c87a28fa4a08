import { type MessengerMeta, SHARED_PAUSE_STATUSES } from "../cards/policy";

// docs/messengers.md, Dooray!: answers are not documented. Decisions: 404/410 (and the other
// shared statuses) pause, and so does a refusal whose words read like a dead hook ("Invalid
// incoming hook", "not found", deleted …); other 4xx fail one alert; 429 and 5xx retry.
export const DOORAY_REVOKED = /invalid\s+(incoming\s+)?hook|hook\s+not\s+found|not\s+found|deleted|disabled|revoked|unauthori[sz]ed|삭제|존재하지|없는/i;

export const doorayMeta = {
  // Unknown; like Slack: 1 per second per hook, burst 2.
  pace: { intervalMs: 1_000, burst: 2 },
  pause: { codes: [], statuses: SHARED_PAUSE_STATUSES, message: DOORAY_REVOKED },
  hints: {},
  // Member mentions are Markdown links to dooray:// member URLs; Alimi breaks `[` and `@`.
  capabilities: { mentions: "[@name](dooray://…/members/…)", threads: false, privateNetwork: false },
  badge: { background: "#e8f1fc", color: "#1a4f8f" },
  guide: {
    steps: 5,
    // No official page for incoming hooks could be confirmed (docs/messengers.md cites the API
    // document and public clients): the guide stands on its own steps.
    links: [],
  },
} as const satisfies MessengerMeta;
