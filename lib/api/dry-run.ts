import { listDestinations } from "@/db/queries/destinations";
import { decideWithoutStoring } from "@/lib/alerts/accept-dry-run";
import type { InquiryAlert } from "@/lib/alerts/types";
import type { DryRunAnswer } from "./response-schemas";

// The 200 of a `dryRun: true` dispatch: where the alert would go and when, nothing stored.

const REASONS = {
  event_switched_off: (event: string) => `The 상담 안내 switch for ${event} is off: a real dispatch would be stored as skipped.`,
  no_matching_rules: () => "No enabled destination's 받을 알림 takes this alert: a real dispatch would be stored as unmatched.",
  no_destinations: () => "No destination is enabled.",
} as const;

export function dryRunAnswer(alert: InquiryAlert, now = Date.now()): DryRunAnswer {
  const decision = decideWithoutStoring(alert);
  const names = decision.targets.length > 0 ? new Map(listDestinations().map((d) => [d.id, d.name])) : new Map<string, string>();
  const at = new Date(now).toISOString();
  const code =
    decision.status === "skipped"
      ? "event_switched_off"
      : decision.status === "unmatched"
        ? "no_matching_rules"
        : decision.noDestinations
          ? "no_destinations"
          : null;
  return {
    dryRun: true,
    status: decision.status,
    ...(code ? { reason: { code, message: REASONS[code](alert.event) } } : {}),
    evaluatedAt: at,
    destinations: decision.targets.map((d) => ({
      destinationId: d.id,
      name: names.get(d.id) ?? "",
      messenger: d.messenger,
      paused: d.paused,
      sendsAt: d.paused ? null : at,
    })),
  };
}
