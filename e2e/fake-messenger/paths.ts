// Which messenger a webhook path belongs to. The shapes mirror the real URLs in
// /work/shared/spec/messengers.md, so a URL the fake accepts is one Alimi's validation would
// accept too (with ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1), and a typo in a test fails loudly with 404.

export type MessengerKind = "slack" | "mattermost" | "jandi" | "hiworks" | "agit" | "teamroom";

/** "sink" is not a messenger: a catch-all JSON receiver under /sink/… for benchmark peers (Apprise's json://). */
export type ReceiverKind = MessengerKind | "sink";

const SHAPES: readonly (readonly [MessengerKind, RegExp])[] = [
  ["slack", /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/],
  // Self-hosted, so Mattermost may sit under any subpath.
  ["mattermost", /^(?:\/[^/]+)*\/hooks\/[a-z0-9]{26}$/],
  ["jandi", /^\/connect-api\/webhook\/\d+\/[A-Za-z0-9]+$/],
  // The spec treats everything after /messenger/ as opaque.
  ["hiworks", /^\/messenger\/[A-Za-z0-9._~\-/]+$/],
  ["agit", /^\/webhook\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ["teamroom", /^\/api\/webhook\/[0-9a-fA-F]{8}\/[A-Za-z0-9_-]+$/],
];

export function messengerOf(path: string): ReceiverKind | null {
  if (path.startsWith("/sink/")) return "sink";
  return SHAPES.find(([, shape]) => shape.test(path))?.[0] ?? null;
}

/** One ready-made webhook path per messenger, for demos and tests. */
export const EXAMPLE_PATHS: Record<MessengerKind, string> = {
  slack: "/services/T0000DEMO/B0000DEMO/demoSecret123",
  mattermost: "/hooks/demo0000000000000000000000",
  jandi: "/connect-api/webhook/1234567/demoToken123",
  hiworks: "/messenger/chat/0123456789abcdef0123456789abcdef",
  agit: "/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  teamroom: "/api/webhook/0a1b2c3d/demoToken123",
};

/**
 * Webhooks are keyed by path, but callers may hand over the whole URL they gave Alimi; accept
 * both so `fake.script(destinationUrl, …)` does what it looks like it does.
 */
export function pathKey(pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl;
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
