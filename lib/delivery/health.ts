import type { MessengerId } from "@/lib/messengers/ids";
import { messengers } from "@/lib/messengers/registry";
import type { Outcome } from "@/lib/messengers/types";

// Which permanent failures mean "this destination is broken" (revoked webhook, archived channel,
// bad token, a redirect): those pause it (자동 중지). Others, like a payload a messenger refused,
// fail only the alert at hand — the next one may well go through. The messenger's own codes are
// in its definition (`errors`, `pauses: true`); these are the sender's and HTTP's, shared by all.
const SENDER_CODES = new Set(["blocked_address"]);
const DESTINATION_STATUSES = new Set([301, 302, 303, 307, 308, 401, 403, 404, 410]);

export function pausesDestination(messenger: MessengerId, outcome: Outcome): boolean {
  if (outcome.kind !== "permanent") return false;
  const { code } = outcome;
  const own = messengers[messenger].errors;
  if (code !== undefined && (SENDER_CODES.has(code) || (Object.hasOwn(own, code) && own[code].pauses === true))) return true;
  return DESTINATION_STATUSES.has(outcome.status);
}

/** A short reason for the banner, the log and the 실패 알림: the messenger's code and words. */
export function failureReason(outcome: Outcome, httpStatus: number | null): string {
  if (outcome.kind === "delivered") return "";
  const status = httpStatus === null ? "" : `HTTP ${httpStatus}`;
  return [status, outcome.code, outcome.message].filter(Boolean).join(" · ").slice(0, 300);
}
