import { nonEmptyArray, nonEmptyString, parseObject, type RawAnswer } from "./answer-kit";
import { CARD_NAMED_ERRORS, type CardMessenger, type CardRequest, discord, dooray, flow, google } from "./answers-cards";

// The checks Teams, Google Chat, Discord and Dooray! make before posting (docs/messengers.md), and
// the one Teams makes only later, inside the flow run, where no HTTP answer can show it.

const REPLY_OPTIONS = ["MESSAGE_REPLY_OPTION_UNSPECIFIED", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD", "REPLY_MESSAGE_OR_FAIL"];
const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

type FieldErrors = Record<string, unknown>;
const tooLong = (max: number) => ({ _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` }] });
const len = (v: unknown) => (typeof v === "string" ? [...v].length : 0);

/** Discord's documented limits; the `errors` object of a 50035 "Invalid Form Body", or null. */
export function discordFormErrors(value: Record<string, unknown>): FieldErrors | null {
  const errors: FieldErrors = {};
  if (len(value.content) > 2000) errors.content = tooLong(2000);
  if (value.allowed_mentions !== undefined && !Array.isArray((value.allowed_mentions as { parse?: unknown })?.parse ?? [])) {
    errors.allowed_mentions = { parse: { _errors: [{ code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" }] } };
  }
  const embeds = Array.isArray(value.embeds) ? (value.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > 10) errors.embeds = tooLong(10);
  let total = 0;
  embeds.forEach((e, i) => {
    const own: FieldErrors = {};
    const fields = Array.isArray(e.fields) ? (e.fields as Record<string, unknown>[]) : [];
    const footer = (e.footer as { text?: unknown } | undefined)?.text;
    const author = (e.author as { name?: unknown } | undefined)?.name;
    total += len(e.title) + len(e.description) + len(footer) + len(author);
    if (len(e.title) > 256) own.title = tooLong(256);
    if (len(e.description) > 4096) own.description = tooLong(4096);
    if (len(footer) > 2048) own.footer = { text: tooLong(2048) };
    if (len(author) > 256) own.author = { name: tooLong(256) };
    if (fields.length > 25) own.fields = tooLong(25);
    fields.forEach((f, j) => {
      total += len(f.name) + len(f.value);
      const bad: FieldErrors = {};
      if (!nonEmptyString(f.name)) bad.name = { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] };
      else if (len(f.name) > 256) bad.name = tooLong(256);
      if (!nonEmptyString(f.value)) bad.value = { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] };
      else if (len(f.value) > 1024) bad.value = tooLong(1024);
      if (Object.keys(bad).length) own.fields = { ...(own.fields as object), [j]: bad };
    });
    if (Object.keys(own).length) errors.embeds = { ...(errors.embeds as object), [i]: own };
  });
  if (total > 6000) errors.embeds = { _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" }] };
  return Object.keys(errors).length ? errors : null;
}

/** Requests the service refuses before anything is posted; null when it would post. */
export function validateCard(kind: CardMessenger, req: CardRequest): RawAnswer | null {
  const { query, body } = req;
  switch (kind) {
    case "teams": {
      // The URL carries its own authorisation (a shared access signature over sp and sv).
      if (!query.get("sig"))
        return flow(401, "DirectApiAuthorizationRequired", "The request must be authenticated only by Shared Access scheme.");
      if (!query.get("api-version"))
        return flow(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
      if (!query.get("sp") || !query.get("sv")) return CARD_NAMED_ERRORS["teams.bad_signature"];
      // Decision (wording): the trigger reads the body as JSON when it is sent as JSON.
      if (!parseObject(body)) return flow(400, "InvalidRequestContent", "The request content is not valid JSON.");
      return null;
    }
    case "googlechat": {
      if (!query.get("key")) return google(403, "PERMISSION_DENIED", "The request is missing a valid API key.");
      if (!query.get("token")) return CARD_NAMED_ERRORS["googlechat.bad_token"];
      const option = query.get("messageReplyOption");
      if (option !== null && !REPLY_OPTIONS.includes(option)) {
        return google(
          400,
          "INVALID_ARGUMENT",
          `Invalid value at 'message_reply_option' (type.googleapis.com/google.chat.v1.CreateMessageRequest.MessageReplyOption), "${option}"`,
        );
      }
      const value = parseObject(body);
      if (!value) return google(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
      // Decision (wording) for the two below; the limit and the status are documented.
      if (Buffer.byteLength(body) > 32_000) return google(400, "INVALID_ARGUMENT", "Message exceeds the maximum size of 32,000 bytes.");
      if (!nonEmptyString(value.text) && !nonEmptyArray(value.cardsV2)) return google(400, "INVALID_ARGUMENT", "Message cannot be empty.");
      const cards = Array.isArray(value.cardsV2) ? (value.cardsV2 as { card?: unknown }[]) : [];
      if (cards.some((c) => !c || typeof c.card !== "object"))
        return google(400, "INVALID_ARGUMENT", "Invalid JSON payload received. cardsV2[].card is required.");
      return null;
    }
    case "discord": {
      const value = parseObject(body);
      if (!value) return discord(400, 50109, "The request body contains invalid JSON.");
      if (!nonEmptyString(value.content) && !nonEmptyArray(value.embeds)) return CARD_NAMED_ERRORS["discord.empty_message"];
      const errors = discordFormErrors(value);
      return errors ? discord(400, 50035, "Invalid Form Body", { errors }) : null;
    }
    case "dooray": {
      // Decision: the hook's error shapes are not public; a missing text catches a broken adapter.
      const value = parseObject(body);
      return value && nonEmptyString(value.text) ? null : dooray(400, false, -400, "text is required");
    }
  }
}

/**
 * What a Teams flow run would fail on after the 202 (the card never appears, the sender is never
 * told): the webhook envelope and the Adaptive Card inside it. Null when the card would post.
 */
export function teamsCardProblem(body: string): string | null {
  const value = parseObject(body);
  if (!value) return "body is not a JSON object";
  if (Buffer.byteLength(body) > 28 * 1024) return "message over 28 KB";
  if (value.type !== "message") return 'type must be "message"';
  const attachments = value.attachments as { contentType?: unknown; content?: Record<string, unknown> }[] | undefined;
  if (!Array.isArray(attachments) || attachments.length === 0) return "attachments must hold the card";
  const card = attachments[0];
  if (card?.contentType !== ADAPTIVE) return `attachments[0].contentType must be ${ADAPTIVE}`;
  const content = card.content;
  if (content?.type !== "AdaptiveCard") return 'attachments[0].content.type must be "AdaptiveCard"';
  if (typeof content.version !== "string") return "attachments[0].content.version is required";
  if (!Array.isArray(content.body) || content.body.length === 0) return "attachments[0].content.body is empty";
  return null;
}
