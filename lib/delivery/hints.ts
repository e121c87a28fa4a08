import type { Outcome } from "@/lib/messengers/types";

// A one-line fix for each known failure, as a key under "test.hints.*" in messages/*.json.
const BY_CODE: Record<string, string> = {
  no_service: "revoked",
  no_active_hooks: "revoked",
  no_team: "revoked",
  invalid_token: "revoked",
  action_prohibited: "prohibited",
  channel_not_found: "channelNotFound",
  channel_is_archived: "archived",
  invalid_payload: "payload",
  no_text: "payload",
  "web.incoming_webhook.invalid.app_error": "mattermostInvalid",
  "web.incoming_webhook.channel_locked.app_error": "mattermostLocked",
  "web.incoming_webhook.permissions.app_error": "mattermostPermissions",
  "web.incoming_webhook.channel.app_error": "channelNotFound",
  "web.incoming_webhook.disabled.app_error": "mattermostDisabled",
  "40051": "jandiToken",
  "40052": "payload",
  "40000": "payload",
  "42900": "rateLimited",
  timeout: "timeout",
  dns: "dns",
  connection_refused: "refused",
  connection_reset: "reset",
  tls: "tls",
  network: "network",
  blocked_address: "blocked",
};

export function hintFor(outcome: Outcome, httpStatus: number | null): string | null {
  if (outcome.kind === "delivered") return null;
  const byCode = outcome.code ? BY_CODE[outcome.code] : undefined;
  if (byCode) return byCode;
  if (httpStatus === null) return "network";
  if (httpStatus === 429) return "rateLimited";
  if (httpStatus >= 300 && httpStatus < 400) return "redirect";
  if (httpStatus === 401 || httpStatus === 403) return "forbidden";
  if (httpStatus === 404 || httpStatus === 410) return "notFound";
  if (httpStatus >= 500) return "serverError";
  return "unknown";
}

/** The hint for a saved failure code (e.g. a paused destination's), when one is known. */
export function hintForCode(code: string | null): string | null {
  if (!code) return null;
  if (BY_CODE[code]) return BY_CODE[code];
  const status = /^http_(\d{3})$/.exec(code);
  return status ? hintFor({ kind: "permanent", status: Number(status[1]) }, Number(status[1])) : null;
}
