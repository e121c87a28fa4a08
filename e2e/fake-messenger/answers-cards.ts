import { createHash } from "node:crypto";
import { json, parseObject, type RawAnswer, text } from "./answer-kit";

// What Teams (Workflows), Google Chat, Discord and Dooray! answer, per docs/messengers.md. Each
// answer carries the confidence of the doc: where the service's words are not public, the wording
// is ours and marked "decision"; the status and the machine-readable code are what adapters read.

export type CardMessenger = "teams" | "googlechat" | "discord" | "dooray";

export interface CardRequest {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  nextPostId: () => number;
}

/** Power Automate / Logic Apps request-trigger errors: `{error: {code, message}}`. */
export const flow = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  json(status, { error: { code, message } }, headers);
/** Google APIs: `{error: {code, message, status}}`. */
export const google = (code: number, status: string, message: string, extra: object = {}) =>
  json(code, { error: { code, message, status, ...extra } });
/** Discord: `{message, code}` (+ `errors` for Invalid Form Body). */
export const discord = (status: number, code: number, message: string, extra: object = {}) => json(status, { message, code, ...extra });
/** Dooray! (decision: NHN's usual `header` envelope; the hook's own bodies are not documented). */
export const dooray = (status: number, isSuccessful: boolean, resultCode: number, resultMessage: string) =>
  json(status, { header: { resultCode, resultMessage, isSuccessful } });

const GCHAT_TOKEN_MESSAGE =
  "The API is called without a valid token. Instructions on how to use incoming webhooks can be found at https://developers.google.com/chat/how-tos/webhooks";

export const CARD_NAMED_ERRORS = {
  // Decision (wording): the code and the state are what public reports show.
  "teams.flow_off": flow(
    400,
    "WorkflowTriggerIsNotEnabled",
    "The workflow trigger 'manual' cannot be invoked: the workflow is in state 'Disabled'.",
  ),
  "teams.flow_deleted": flow(
    400,
    "WorkflowTriggerIsNotEnabled",
    "The workflow trigger 'manual' cannot be invoked: the workflow is in state 'Deleted'.",
  ),
  "teams.bad_signature": flow(401, "DirectApiInvalidAuthorizationSignature", "The provided authorization signature is not valid."),
  "teams.not_found": flow(404, "WorkflowNotFound", "The workflow could not be found."),
  "teams.schema_mismatch": flow(
    400,
    "TriggerInputSchemaMismatch",
    "The input body for trigger 'manual' of type 'Request' did not match its schema definition.",
  ),
  "googlechat.bad_token": google(403, "PERMISSION_DENIED", GCHAT_TOKEN_MESSAGE),
  "googlechat.bad_key": google(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", {
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "chat.googleapis.com" },
      },
    ],
  }),
  "googlechat.not_found": google(404, "NOT_FOUND", "Requested entity was not found."),
  "googlechat.invalid_argument": google(
    400,
    "INVALID_ARGUMENT",
    'Invalid JSON payload received. Unknown name "cards_v3": Cannot find field.',
  ),
  "googlechat.rate_limited": google(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
  "googlechat.unavailable": google(503, "UNAVAILABLE", "The service is currently unavailable."),
  "discord.unknown_webhook": discord(404, 10015, "Unknown Webhook"),
  "discord.invalid_token": discord(401, 50027, "Invalid Webhook Token"),
  "discord.empty_message": discord(400, 50006, "Cannot send an empty message"),
  "discord.missing_permissions": discord(403, 50013, "Missing Permissions"),
  "dooray.not_found": dooray(404, false, -404, "Not Found"),
  // Decision: an HTTP 200 that says it failed — the adapter must read header.isSuccessful.
  "dooray.failed_in_body": dooray(200, false, -1, "Invalid incoming hook"),
} satisfies Record<string, RawAnswer>;

/** Discord's 429: JSON `retry_after` in seconds (a float), plus Retry-After and X-RateLimit-* headers. */
export function discordRateLimited(retryAfter: number): RawAnswer {
  return json(
    429,
    { message: "You are being rate limited.", retry_after: retryAfter, global: false },
    {
      "retry-after": String(Math.ceil(retryAfter)),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": (Date.now() / 1000 + retryAfter).toFixed(3),
      "x-ratelimit-reset-after": retryAfter.toFixed(3),
      "x-ratelimit-bucket": "fakefakefakefakefakefakefakefake",
      "x-ratelimit-scope": "shared",
    },
  );
}

/** 429 as each of these services shapes it; Retry-After only where the caller gave one (Discord: always). */
export function cardRateLimit(kind: CardMessenger, retryAfter: string | undefined): RawAnswer {
  const ra: Record<string, string> = retryAfter === undefined ? {} : { "retry-after": retryAfter };
  switch (kind) {
    case "discord":
      return discordRateLimited(retryAfter === undefined || Number.isNaN(Number(retryAfter)) ? 1 : Number(retryAfter));
    case "googlechat":
      return {
        ...CARD_NAMED_ERRORS["googlechat.rate_limited"],
        headers: { ...CARD_NAMED_ERRORS["googlechat.rate_limited"].headers, ...ra },
      };
    case "teams":
      // Decision: Azure's generic throttling shape; Power Automate's exact code is not public.
      return flow(429, "TooManyRequests", "Rate limit is exceeded. Try again later.", ra);
    case "dooray":
      return { ...text(429, "Too Many Requests"), headers: { "content-type": "text/plain; charset=utf-8", ...ra } };
  }
}

const discordIds = (path: string) => path.match(/\/webhooks\/(\d+)\//)?.[1] ?? "0";
const spaceOf = (path: string) => path.split("/")[3];
const stableId = (seed: string) => createHash("sha256").update(seed).digest("base64url").replace(/[-_]/g, "x").slice(0, 11);

function googleChatMessage(req: CardRequest, value: Record<string, unknown>): Record<string, unknown> {
  const space = spaceOf(req.path);
  const id = stableId(`m${req.nextPostId()}`);
  const option = req.query.get("messageReplyOption") ?? "MESSAGE_REPLY_OPTION_UNSPECIFIED";
  const key = (value.thread as { threadKey?: unknown } | undefined)?.threadKey ?? req.query.get("threadKey");
  // The default option starts a new thread and ignores any key; the reply options thread by key.
  const threaded = option !== "MESSAGE_REPLY_OPTION_UNSPECIFIED" && typeof key === "string" && key !== "";
  const thread = threaded
    ? { name: `spaces/${space}/threads/${stableId(`${space}/${key}`)}`, threadKey: key }
    : { name: `spaces/${space}/threads/${id}` };
  return {
    name: `spaces/${space}/messages/${id}.${id}`,
    sender: { name: "users/114022495153014004089", displayName: "Alimi", type: "BOT" },
    createTime: new Date().toISOString(),
    ...(value.text !== undefined ? { text: value.text, formattedText: value.text, argumentText: value.text } : {}),
    ...(value.cardsV2 !== undefined ? { cardsV2: value.cardsV2 } : {}),
    thread,
    space: { name: `spaces/${space}`, type: "ROOM", spaceType: "SPACE" },
  };
}

/** Whether Discord would ping anyone: content mentions that allowed_mentions lets through (embeds never ping). */
export function discordPings(value: Record<string, unknown>): boolean {
  const content = typeof value.content === "string" ? value.content : "";
  const allowed = value.allowed_mentions as { parse?: unknown } | undefined;
  const parse = Array.isArray(allowed?.parse) ? allowed.parse : allowed ? [] : ["everyone", "users", "roles"];
  return (
    (parse.includes("everyone") && /@(everyone|here)/.test(content)) ||
    (parse.includes("users") && /<@!?\d+>/.test(content)) ||
    (parse.includes("roles") && /<@&\d+>/.test(content))
  );
}

function discordMessage(req: CardRequest, value: Record<string, unknown>): Record<string, unknown> {
  const id = String(1_200_000_000_000_000_000n + BigInt(req.nextPostId()));
  const webhookId = discordIds(req.path);
  const content = typeof value.content === "string" ? value.content : "";
  return {
    id,
    type: 0,
    content,
    channel_id: "1100000000000000000",
    webhook_id: webhookId,
    author: { id: webhookId, username: typeof value.username === "string" ? value.username : "Alimi", bot: true },
    embeds: Array.isArray(value.embeds) ? value.embeds : [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: discordPings(value) && /@(everyone|here)/.test(content),
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: new Date().toISOString(),
  };
}

/** The service's own success answer. */
export function cardSuccess(kind: CardMessenger, req: CardRequest): RawAnswer {
  const value = parseObject(req.body) ?? {};
  switch (kind) {
    case "teams":
      // The trigger only queues a flow run: 202 with an empty body, whatever the card says.
      return { status: 202, body: "", headers: { "content-length": "0" } };
    case "googlechat":
      return json(200, googleChatMessage(req, value));
    case "discord": {
      const limits = {
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "4",
        "x-ratelimit-reset-after": "2.000",
        "x-ratelimit-bucket": "fakefakefakefakefakefakefakefake",
      };
      if (req.query.get("wait") === "true") return json(200, discordMessage(req, value), limits);
      return { status: 204, body: "", headers: limits };
    }
    case "dooray":
      return dooray(200, true, 0, "");
  }
}
