// The one list of messenger ids. It drives the Drizzle enum column, z.enum and the two
// registries (meta.ts for the browser, registry.ts for the server), so an id added here without
// its folder lib/messengers/<id>/ (meta.ts + index.ts) fails to compile. See the README,
// "Adding a messenger".
export const MESSENGER_IDS = [
  "slack",
  "mattermost",
  "jandi",
  "hiworks",
  "agit",
  "teamroom",
  "teams",
  "googlechat",
  "discord",
  "dooray",
  "email",
] as const;

export type MessengerId = (typeof MESSENGER_IDS)[number];

export function isMessengerId(value: unknown): value is MessengerId {
  return typeof value === "string" && (MESSENGER_IDS as readonly string[]).includes(value);
}
