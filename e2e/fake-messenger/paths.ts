// Which messenger a webhook path belongs to. The shapes mirror the real URLs in
// /work/shared/spec/messengers.md and docs/messengers.md, so a URL the fake accepts is one Alimi's
// validation would accept too (with ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1), and a typo in a test fails
// loudly with 404. Only the path decides the messenger; each service's query rules (Teams' `sig`,
// Google Chat's `key`/`token`) are checked by the service itself in answers.ts, with its own errors.

import type { WebhookMessengerId } from "@/lib/messengers/types";

/**
 * The product's own id list (lib/messengers/ids.ts) less 이메일, which goes through SMTP
 * (smtp.ts): a webhook messenger added there without a shape here fails to compile.
 */
export type MessengerKind = WebhookMessengerId;

/** "sink" is not a messenger: a catch-all JSON receiver under /sink/… for benchmark peers (Apprise's json://). */
export type ReceiverKind = MessengerKind | "sink";

// Every shape is anchored and no two overlap (server.test.ts checks each example against all of
// them): Slack's /services/ ids start with T and B, Dooray's are all digits; Teamroom is
// /api/webhook/ (singular), Discord /api/webhooks/ (plural).
const SHAPE_OF: Record<MessengerKind, RegExp> = {
  slack: /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/,
  // Self-hosted, so Mattermost may sit under any subpath.
  mattermost: /^(?:\/[^/]+)*\/hooks\/[a-z0-9]{26}$/,
  jandi: /^\/connect-api\/webhook\/\d+\/[A-Za-z0-9]+$/,
  // The spec treats everything after /messenger/ as opaque.
  hiworks: /^\/messenger\/[A-Za-z0-9._~\-/]+$/,
  agit: /^\/webhook\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  teamroom: /^\/api\/webhook\/[0-9a-fA-F]{8}\/[A-Za-z0-9_-]+$/,
  // *.logic.azure.com uses /workflows/…; *.environment.api.powerplatform.com prefixes
  // /powerautomate/automations/direct. The Teams templates name the trigger "manual".
  teams: /^(?:\/powerautomate\/automations\/direct)?\/workflows\/[0-9a-f]{32}\/triggers\/manual\/paths\/invoke$/,
  googlechat: /^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages$/,
  // Discord also serves versioned paths (/api/v10/webhooks/…); the URL it hands out has none.
  discord: /^\/api(?:\/v\d+)?\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{20,}$/,
  dooray: /^\/services\/\d+\/\d+\/[A-Za-z0-9_-]+$/,
};
const SHAPES = Object.entries(SHAPE_OF) as [MessengerKind, RegExp][];

export function messengerOf(path: string): ReceiverKind | null {
  if (path.startsWith("/sink/")) return "sink";
  return SHAPES.find(([, shape]) => shape.test(path))?.[0] ?? null;
}

/** Every messenger whose shape matches (tests use it to prove the shapes do not overlap). */
export const messengersMatching = (path: string): MessengerKind[] => SHAPES.filter(([, s]) => s.test(path)).map(([k]) => k);

/**
 * One ready-made webhook path per messenger, for demos and tests — with the query string where the
 * real URL has one (Teams, Google Chat), so `${fake.url}${EXAMPLE_PATHS.teams}` is a complete URL.
 */
export const EXAMPLE_PATHS: Record<MessengerKind, string> = {
  slack: "/services/T0000DEMO/B0000DEMO/demoSecret123",
  mattermost: "/hooks/demo0000000000000000000000",
  jandi: "/connect-api/webhook/1234567/demoToken123",
  hiworks: "/messenger/chat/0123456789abcdef0123456789abcdef",
  agit: "/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  teamroom: "/api/webhook/0a1b2c3d/demoToken123",
  teams:
    "/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke" +
    "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=demoSig0123456789abcdefghijklmnopqrstuvwxyzAB",
  googlechat:
    "/v1/spaces/AAAAdemo123/messages?key=AIzaSyDemoKey-notARealKey0000000000000&token=demoToken0123456789abcdefghijklmnopqrstuvw%3D",
  discord: "/api/webhooks/123456789012345678/demoToken_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-abcd",
  dooray: "/services/1234567890123456789/2345678901234567890/demoToken-123_abc",
};

/**
 * Webhooks are keyed by path alone, but callers may hand over the whole URL they gave Alimi, or a
 * path with its query; accept all three so `fake.script(destinationUrl, …)` does what it looks like.
 */
export function pathKey(pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl.split("?")[0];
}

/**
 * The path with its secret part cut down to the last 4 characters, the same rule the product
 * follows for webhook URLs in logs — even a fake should not teach people to print secrets.
 */
export function maskPath(path: string): string {
  const i = path.lastIndexOf("/");
  const secret = path.slice(i + 1);
  return secret.length > 4 ? `${path.slice(0, i + 1)}…${secret.slice(-4)}` : path;
}
