import { enqueueSystemAlert } from "@/db/queries/alerts";
import { findDestination } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import type { NoticeAlert } from "@/lib/alerts/types";
import { appBaseUrl } from "@/lib/env";

/**
 * 실패 알림: one message to the chosen destination when another is paused, one when it
 * recovers — on transitions only, never per failed alert.
 */
export function notifyHealthChange(change: NoticeAlert["change"], destination: { id: string; name: string; messenger: string }, reason?: string) {
  const targetId = getSettings().failureAlertDestinationId;
  if (!targetId || targetId === destination.id) return;
  const target = findDestination(targetId);
  if (!target || !target.enabled || target.pausedAt !== null) return;
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
