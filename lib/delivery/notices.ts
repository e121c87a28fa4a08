import { enqueueSystemAlert } from "@/db/queries/alerts";
import { clearRecovery, findDestination } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import type { NoticeAlert } from "@/lib/alerts/types";
import { audit } from "@/lib/audit";
import { appBaseUrl } from "@/lib/env";
import type { Outcome } from "@/lib/messengers/types";
import { redactUrl } from "./send";
import type { Settlement } from "./settle";

/**
 * 실패 알림: one message to the chosen destination when another is paused, one when it
 * recovers — on transitions only, never per failed alert.
 */
export function notifyHealthChange(
  change: NoticeAlert["change"],
  destination: { id: string; name: string; messenger: string },
  reason?: string,
) {
  const targetId = getSettings().failureAlertDestinationId;
  if (!targetId || targetId === destination.id) return;
  const target = findDestination(targetId);
  if (!target?.enabled || target.pausedAt !== null) return;
  const now = Date.now();
  const notice: NoticeAlert = {
    kind: "notice",
    occurredAt: now,
    change,
    destinationName: destination.name,
    messenger: destination.messenger,
    ...(reason ? { reason } : {}),
    consoleUrl: `${appBaseUrl()}/settings/integrations/alerts`,
  };
  enqueueSystemAlert({
    event: `system.destination_${change}`,
    payload: JSON.stringify(notice),
    destinationId: target.id,
    messenger: target.messenger,
    now,
  });
}

/** After a settled attempt: the log line, and on a pause or a recovery the notice and the audit entry. */
export async function reportSettlement(
  destination: { id: string; name: string; messenger: string; webhookUrl: string; pauseCode: string | null },
  outcome: Outcome,
  settlement: Pick<Settlement, "pause" | "reason">,
): Promise<void> {
  const { pause, reason } = settlement;
  const where = `${destination.messenger} ${redactUrl(destination.webhookUrl)}`;
  if (pause) {
    console.warn(`[alimi] destination ${destination.id} (${where}) paused: ${reason}`);
    notifyHealthChange("paused", destination, reason);
    await audit(null, "destination.paused", { type: "destination", id: destination.id, name: destination.name }, reason);
  } else if (outcome.kind === "delivered" && destination.pauseCode !== null) {
    // First success after 다시 사용: the one "recovered" notice.
    clearRecovery(destination.id);
    notifyHealthChange("recovered", destination);
  } else if (outcome.kind !== "delivered") {
    console.warn(`[alimi] ${where}: ${outcome.kind} ${reason}`);
  }
}
