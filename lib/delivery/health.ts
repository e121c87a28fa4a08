import type { Outcome } from "@/lib/messengers/types";

// Which permanent failures mean "this destination is broken" (revoked webhook, archived channel,
// bad token, a redirect): those pause it (자동 중지). Others, like a payload a messenger refused,
// fail only the alert at hand — the next one may well go through.
const DESTINATION_CODES = new Set([
  "no_service", "no_active_hooks", "no_team", "invalid_token", "action_prohibited",
  "channel_not_found", "channel_is_archived",
  "web.incoming_webhook.invalid.app_error", "web.incoming_webhook.channel_locked.app_error",
  "web.incoming_webhook.permissions.app_error", "web.incoming_webhook.channel.app_error",
  "40051",
  "blocked_address",
]);
const DESTINATION_STATUSES = new Set([301, 302, 303, 307, 308, 401, 403, 404, 410]);

export function pausesDestination(outcome: Outcome): boolean {
  if (outcome.kind !== "permanent") return false;
  return (outcome.code !== undefined && DESTINATION_CODES.has(outcome.code)) || DESTINATION_STATUSES.has(outcome.status);
}

/** A short reason for the banner, the log and the 실패 알림: the messenger's code and words. */
export function failureReason(outcome: Outcome, httpStatus: number | null): string {
  if (outcome.kind === "delivered") return "";
  const status = httpStatus === null ? "" : `HTTP ${httpStatus}`;
  return [status, outcome.code, outcome.message].filter(Boolean).join(" · ").slice(0, 300);
}
