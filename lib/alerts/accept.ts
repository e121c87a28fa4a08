import { acceptAlert } from "@/db/queries/alerts";
import { listEnabledDestinationRefs } from "@/db/queries/destinations";
import { getSettings, type WorkspaceSettings } from "@/db/queries/settings";
import { deliveryWorker } from "@/lib/delivery/worker";
import type { EventType, InquiryAlert } from "./types";

const SWITCH: Record<EventType, keyof WorkspaceSettings> = {
  "message.submitted": "notifyMessageSubmitted",
  "session.waiting": "notifySessionWaiting",
  "session.assigned": "notifySessionAssigned",
};

/**
 * Stores an inquiry alert with one delivery per enabled destination (or as skipped when its
 * 상담 안내 switch is off), then wakes the worker. Returns what the API answers.
 */
export function acceptInquiry(alert: InquiryAlert, opts: { apiKeyId: number | null; idempotencyKey: string | null }) {
  const settings = getSettings();
  const skipped = !settings[SWITCH[alert.event]];
  const destinations = skipped ? [] : listEnabledDestinationRefs();
  const result = acceptAlert({
    event: alert.event,
    payload: JSON.stringify(alert),
    skipped,
    apiKeyId: opts.apiKeyId,
    destinations,
    idempotencyKey: opts.idempotencyKey,
    now: Date.now(),
  });
  if (!result.replayed && result.accepted.deliveries.length > 0) deliveryWorker().wake();
  return result;
}
