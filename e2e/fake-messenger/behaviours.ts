// How each messenger answers, per ../shared/spec/messengers.md: success bodies and every
// documented error. Tests pick a named error, or describe a raw answer.

export type MessengerKind = "slack" | "mattermost" | "jandi" | "hiworks" | "agit" | "teamroom";

export interface RawAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export type Behaviour =
  | string // a named error, e.g. "slack.no_service"
  | (Partial<RawAnswer> & { delayMs?: number })
  | { drop: true }
  | { redirect: string }
  | { rateLimited: { retryAfter: string } };

const text = (status: number, body: string): RawAnswer => ({ status, body, headers: { "content-type": "text/plain" } });
const json = (status: number, value: unknown): RawAnswer => ({
  status,
  body: JSON.stringify(value),
  headers: { "content-type": "application/json" },
});
const mattermost = (status: number, id: string, message: string) =>
  json(status, { id, message, detailed_error: "", request_id: "fake", status_code: status });

export const NAMED_ERRORS: Record<string, RawAnswer> = {
  "slack.invalid_payload": text(400, "invalid_payload"),
  "slack.no_text": text(400, "no_text"),
  "slack.too_many_attachments": text(400, "too_many_attachments"),
  "slack.action_prohibited": text(403, "action_prohibited"),
  "slack.invalid_token": text(403, "invalid_token"),
  "slack.channel_not_found": text(404, "channel_not_found"),
  "slack.no_service": text(404, "no_service"),
  "slack.no_active_hooks": text(404, "no_active_hooks"),
  "slack.no_team": text(404, "no_team"),
  "slack.channel_is_archived": text(410, "channel_is_archived"),
  "slack.rate_limited": { ...text(429, "rate_limited"), headers: { "content-type": "text/plain", "retry-after": "1" } },
  "mattermost.invalid_webhook": mattermost(400, "web.incoming_webhook.invalid.app_error", "Invalid webhook."),
  "mattermost.parse": mattermost(400, "web.incoming_webhook.parse.app_error", "Unable to parse incoming data."),
  "mattermost.text": mattermost(400, "web.incoming_webhook.text.app_error", "No text specified."),
  "mattermost.channel_locked": mattermost(403, "web.incoming_webhook.channel_locked.app_error", "This webhook is not permitted to post to the requested channel."),
  "mattermost.permissions": mattermost(403, "web.incoming_webhook.permissions.app_error", "Inappropriate channel permissions."),
  "mattermost.unknown_channel": mattermost(404, "web.incoming_webhook.channel.app_error", "Couldn't find the channel."),
  "mattermost.disabled": mattermost(501, "web.incoming_webhook.disabled.app_error", "Incoming webhooks have been disabled by the system admin."),
  "jandi.invalid_payload": json(400, { code: 40052, msg: "Invalid payload - body" }),
  "jandi.bad_token": json(400, { code: 40051, msg: "Invalid token" }),
  "jandi.invalid_value": json(400, { code: 40000, msg: "Invalid value" }),
  "jandi.incomplete_url": json(403, { code: 40300, msg: "Incomplete URL" }),
  "jandi.rate_limited": { ...json(429, { code: 42900, msg: "Too many requests" }), headers: { "content-type": "application/json", "retry-after": "60" } },
};

let agitPostId = 1000;

/** The messenger's own success answer. */
export function successAnswer(kind: MessengerKind): RawAnswer {
  switch (kind) {
    case "slack":
    case "mattermost":
      return text(200, "ok");
    case "agit":
      return json(200, { id: ++agitPostId });
    case "jandi":
      // Jandi documents only "2xx"; an empty JSON object is the most neutral success body.
      return json(200, {});
    default:
      return text(200, "");
  }
}

/** Requests the real service would refuse before anything is posted (spec: validation rules). */
export function validate(kind: MessengerKind, headers: Record<string, string>, body: string): RawAnswer | null {
  const type = headers["content-type"] ?? "";
  const parse = () => {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  switch (kind) {
    case "slack": {
      const value = parse();
      if (!value) return NAMED_ERRORS["slack.invalid_payload"];
      if (!value.text && !value.blocks) return NAMED_ERRORS["slack.no_text"];
      return null;
    }
    case "mattermost": {
      const value = parse();
      if (!value) return NAMED_ERRORS["mattermost.parse"];
      if (!value.text && !value.attachments) return NAMED_ERRORS["mattermost.text"];
      return null;
    }
    case "jandi": {
      if (type.includes("vnd.tosslab") || headers.accept !== "application/vnd.tosslab.jandi-v2+json") {
        return NAMED_ERRORS["jandi.invalid_value"];
      }
      const value = parse();
      if (!value || typeof value.body !== "string" || value.body === "") return NAMED_ERRORS["jandi.invalid_payload"];
      return null;
    }
    case "hiworks":
    case "agit": {
      const value = parse();
      return value && typeof value.text === "string" ? null : json(400, { error: "text is required" });
    }
    case "teamroom": {
      if (!type.startsWith("application/x-www-form-urlencoded")) return text(400, "content is required");
      return new URLSearchParams(body).get("content") ? null : text(400, "content is required");
    }
  }
}
