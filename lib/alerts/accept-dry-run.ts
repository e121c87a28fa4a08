import { type DestinationRef, listEnabledDestinationRefs } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import { routeAlert } from "./accept-batch";
import type { InquiryAlert } from "./types";

// `dryRun: true` on the dispatch API: the routing decision of a real dispatch (the 상담 안내
// switch, then each destination's 받을 알림), read from the same tables by the same function,
// with nothing written: no alert row, no delivery, no idempotency record, no wake-up.

export interface DryRunDecision {
  /** what a real dispatch would store the alert as */
  status: "queued" | "skipped" | "unmatched";
  /** the enabled destinations that would get a delivery, in the order a real dispatch lists them */
  targets: DestinationRef[];
  /** no destination is enabled at all (then a real dispatch stores it as queued with no delivery) */
  noDestinations: boolean;
}

export function decideWithoutStoring(alert: InquiryAlert): DryRunDecision {
  const destinations = listEnabledDestinationRefs();
  const { skipped, unmatched, targets } = routeAlert(alert, getSettings(), destinations);
  return {
    status: skipped ? "skipped" : unmatched ? "unmatched" : "queued",
    targets,
    noDestinations: destinations.length === 0,
  };
}
