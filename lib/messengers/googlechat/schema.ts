import { makeQueryDestinationSchema, type QueryUrlRule } from "../cards/url";

// A Google Chat space webhook (docs/messengers.md): https://chat.googleapis.com/v1/spaces/{space}/messages
// with the space's API key and webhook token in the query. The adapter adds messageReplyOption
// itself, so a pasted URL carries exactly key and token.
export const googleChatUrlRule: QueryUrlRule = {
  hosts: ["chat.googleapis.com"],
  path: /^\/v1\/spaces\/[A-Za-z0-9_-]+\/messages$/,
  requiredQuery: ["key", "token"],
  queryKey: "googleChatQuery",
};

export const googleChatConfigSchema = makeQueryDestinationSchema(googleChatUrlRule);

/**
 * The pacing key: Google's write quota is per space and shared by every webhook in it, so two
 * destinations posting to one space must share one pace. Null for a URL that is not a space URL.
 */
export function googleChatSpaceOf(webhookUrl: string): string | null {
  try {
    return /^\/v1\/spaces\/([A-Za-z0-9_-]+)\/messages$/.exec(new URL(webhookUrl).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}
