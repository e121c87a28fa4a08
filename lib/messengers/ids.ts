// The one list of messenger ids. It drives the Drizzle enum column, z.enum and the
// adapter registry, so adding a messenger here without its schema and adapter fails to compile.
export const MESSENGER_IDS = ["slack", "mattermost", "jandi", "hiworks", "agit", "teamroom"] as const;

export type MessengerId = (typeof MESSENGER_IDS)[number];

export function isMessengerId(value: unknown): value is MessengerId {
  return typeof value === "string" && (MESSENGER_IDS as readonly string[]).includes(value);
}
