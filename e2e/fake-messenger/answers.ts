import { json, nonEmptyArray, nonEmptyString, parseObject, type RawAnswer, text } from "./answer-kit";
import { CARD_NAMED_ERRORS, type CardMessenger, type CardRequest, cardRateLimit, cardSuccess } from "./answers-cards";
import { validateCard } from "./answers-cards-checks";
import type { MessengerKind, ReceiverKind } from "./paths";

export type { RawAnswer } from "./answer-kit";

// What each messenger answers, per /work/shared/spec/messengers.md: its success, its documented
// errors, and the checks it makes before posting. Where the spec (and so the vendor) is silent,
// the choice is marked "decision" so nobody mistakes it for vendor behaviour.

// Mattermost's AppError as it goes over the wire (request_id is random there; fixed here).
const mattermost = (status: number, id: string, message: string) =>
  json(status, { id, message, detailed_error: "", request_id: "fakefakefakefakefakefakefa", status_code: status });

export const NAMED_ERRORS = {
  "slack.invalid_payload": text(400, "invalid_payload"),
  "slack.no_text": text(400, "no_text"),
  "slack.too_many_attachments": text(400, "too_many_attachments"),
  "slack.invalid_blocks": text(400, "invalid_blocks"),
  "slack.action_prohibited": text(403, "action_prohibited"),
  "slack.invalid_token": text(403, "invalid_token"),
  "slack.channel_not_found": text(404, "channel_not_found"),
  "slack.no_service": text(404, "no_service"),
  "slack.no_active_hooks": text(404, "no_active_hooks"),
  "slack.no_team": text(404, "no_team"),
  "slack.channel_is_archived": text(410, "channel_is_archived"),
  "slack.rate_limited": { status: 429, body: "rate_limited", headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "1" } },
  "mattermost.invalid_webhook": mattermost(400, "web.incoming_webhook.invalid.app_error", "Invalid webhook."),
  "mattermost.parse": mattermost(400, "web.incoming_webhook.parse.app_error", "Unable to parse incoming data."),
  "mattermost.text": mattermost(400, "web.incoming_webhook.text.app_error", "No text specified."),
  "mattermost.channel_locked": mattermost(
    403,
    "web.incoming_webhook.channel_locked.app_error",
    "This webhook is not permitted to post to the requested channel.",
  ),
  "mattermost.permissions": mattermost(403, "web.incoming_webhook.permissions.app_error", "Inappropriate channel permissions."),
  "mattermost.unknown_channel": mattermost(404, "web.incoming_webhook.channel.app_error", "Couldn't find the channel."),
  "mattermost.disabled": mattermost(
    501,
    "web.incoming_webhook.disabled.app_error",
    "Incoming webhooks have been disabled by the system admin.",
  ),
  "jandi.invalid_payload": json(400, { code: 40052, msg: "Invalid payload - body" }),
  // Decision: the spec names the codes; the wording of these messages is ours.
  "jandi.bad_token": json(400, { code: 40051, msg: "Invalid token" }),
  "jandi.invalid_value": json(400, { code: 40000, msg: "Invalid value" }),
  "jandi.incomplete_url": json(403, { code: 40300, msg: "Incomplete webhook URL" }),
  // Decision: no Retry-After — the spec does not say Jandi sends one, so the sender's own backoff is exercised.
  "jandi.rate_limited": json(429, { code: 42900, msg: "Too many requests" }),
  ...CARD_NAMED_ERRORS,
} satisfies Record<string, RawAnswer>;

export type NamedError = keyof typeof NAMED_ERRORS;

export const isNamedError = (name: string): name is NamedError => Object.hasOwn(NAMED_ERRORS, name);

const CARD_KINDS: readonly string[] = ["teams", "googlechat", "discord", "dooray"] satisfies CardMessenger[];
const isCard = (kind: ReceiverKind): kind is CardMessenger => CARD_KINDS.includes(kind);

/** The messenger's own success answer. */
export function successAnswer(kind: ReceiverKind, req: CardRequest): RawAnswer {
  if (isCard(kind)) return cardSuccess(kind, req);
  const { nextPostId } = req;
  switch (kind) {
    case "slack":
    case "mattermost":
    case "sink":
      return text(200, "ok");
    case "agit":
      return json(200, { id: nextPostId() });
    case "jandi":
      // Decision: Jandi documents only "2xx"; an empty JSON object is the most neutral success.
      return json(200, {});
    case "hiworks":
    case "teamroom":
      // Decision: unknown bodies; an empty 200 is what the spec's "any 2xx" must cope with.
      return text(200, "");
  }
}

/** 429 as each service shapes it; Retry-After only when the caller gave one. */
export function rateLimitAnswer(kind: ReceiverKind, retryAfter: string | undefined): RawAnswer {
  if (isCard(kind)) return cardRateLimit(kind, retryAfter);
  const base =
    kind === "slack"
      ? text(429, "rate_limited")
      : kind === "jandi"
        ? NAMED_ERRORS["jandi.rate_limited"]
        : kind === "mattermost"
          ? text(429, "limit exceeded\n") // Mattermost's rate limiter answers in plain text.
          : text(429, "Too Many Requests");
  return retryAfter === undefined ? base : { ...base, headers: { ...base.headers, "retry-after": retryAfter } };
}

const JANDI_ACCEPT = "application/vnd.tosslab.jandi-v2+json";

/** Slack refuses Block Kit over its limits with `invalid_blocks` rather than truncating. */
function slackBlocksInvalid(blocks: unknown): boolean {
  if (blocks === undefined) return false;
  if (!Array.isArray(blocks) || blocks.length > 50) return true;
  return blocks.some((block: { type?: unknown; text?: { text?: unknown } }) => {
    const t = block?.text?.text;
    if (typeof t !== "string") return false;
    return block.type === "header" ? t.length > 150 : t.length > 3000;
  });
}

/** Requests the real service refuses before anything is posted; null when it would post. */
export function validate(kind: MessengerKind, req: CardRequest): RawAnswer | null {
  if (isCard(kind)) return validateCard(kind, req);
  const { headers, body } = req;
  const type = (headers["content-type"] ?? "").toLowerCase();
  switch (kind) {
    case "slack": {
      const value = parseObject(body);
      if (!value) return NAMED_ERRORS["slack.invalid_payload"];
      if (!nonEmptyString(value.text) && !nonEmptyArray(value.blocks) && !nonEmptyArray(value.attachments)) {
        return NAMED_ERRORS["slack.no_text"];
      }
      if (slackBlocksInvalid(value.blocks)) return NAMED_ERRORS["slack.invalid_blocks"];
      return null;
    }
    case "mattermost": {
      const value = parseObject(body);
      if (!value) return NAMED_ERRORS["mattermost.parse"];
      if (!nonEmptyString(value.text) && !nonEmptyArray(value.attachments)) return NAMED_ERRORS["mattermost.text"];
      return null;
    }
    case "jandi": {
      // A public client sample reports the vnd type as Content-Type is answered "Invalid payload -
      // body": Jandi then cannot read the JSON at all. A missing Accept is an invalid value.
      if (type.includes("vnd.tosslab")) return NAMED_ERRORS["jandi.invalid_payload"];
      if (!(headers.accept ?? "").toLowerCase().includes(JANDI_ACCEPT)) {
        return json(400, { code: 40000, msg: "Invalid value - accept" });
      }
      const value = parseObject(body);
      if (!value || !nonEmptyString(value.body)) return NAMED_ERRORS["jandi.invalid_payload"];
      if (value.connectColor !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(String(value.connectColor))) {
        return json(400, { code: 40000, msg: "Invalid value - connectColor" });
      }
      return null;
    }
    case "hiworks":
    case "agit": {
      // Decision: error shapes are unknown; a 400 for a missing text catches a broken adapter.
      const value = parseObject(body);
      return value && nonEmptyString(value.text) ? null : json(400, { error: "text is required" });
    }
    case "teamroom": {
      const form = type.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(body) : null;
      return form?.get("content") ? null : text(400, "content is required");
    }
  }
}
