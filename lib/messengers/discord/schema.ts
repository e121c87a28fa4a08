import { makeQueryDestinationSchema, type QueryUrlRule } from "../cards/url";

// A Discord channel webhook (docs/messengers.md): discord.com or the older discordapp.com,
// /api/webhooks/{snowflake}/{token}, optionally versioned (/api/v10/…). The /slack and /github
// variants take other payloads; ptb./canary. hosts are refused until seen in the wild.
export const discordUrlRule: QueryUrlRule = {
  hosts: ["discord.com", "discordapp.com"],
  path: /^\/api(\/v\d{1,2})?\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{20,}$/,
  refusedPaths: [{ path: /^\/api(\/v\d{1,2})?\/webhooks\/\d+\/[^/]+\/(slack|github)$/, key: "discordFormat" }],
  requiredQuery: [],
  // thread_id posts into a thread of a forum or text channel; wait is set by the adapter anyway.
  optionalQuery: ["wait", "thread_id"],
  queryValues: { wait: /^(true|false)$/, thread_id: /^\d{17,20}$/ },
  queryKey: "discordQuery",
};

export const discordConfigSchema = makeQueryDestinationSchema(discordUrlRule);
