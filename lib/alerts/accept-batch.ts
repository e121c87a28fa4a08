import { getDb, inImmediateTransaction } from "@/db/client";
import { type AcceptedAlert, acceptAlert } from "@/db/queries/alerts";
import { type DestinationRef, listEnabledDestinationRefs } from "@/db/queries/destinations";
import { getSettings, type WorkspaceSettings } from "@/db/queries/settings";
import { paceAllowedAt } from "@/lib/delivery/pacing";
import { matcherFor } from "@/lib/destinations/routing";
import type { EventType, InquiryAlert } from "./types";

// The database half of accepting alerts: one transaction for a whole batch, a savepoint per
// alert, on the caller's connection.

/** 상담 안내: the switch each event answers to. */
export const EVENT_SWITCH: Record<EventType, keyof WorkspaceSettings> = {
  "message.submitted": "notifyMessageSubmitted",
  "session.waiting": "notifySessionWaiting",
  "session.assigned": "notifySessionAssigned",
};

export interface AcceptResult {
  replayed: boolean;
  accepted: AcceptedAlert;
}

export interface BatchItem {
  alert: InquiryAlert;
  apiKeyId: number | null;
  idempotencyKey: string | null;
}

export interface BatchOutcome {
  /** per item, in order: what the API answers, or why this one alert could not be stored */
  results: (AcceptResult | { error: unknown })[];
  /** when the earliest new delivery may be sent (its destination's pace); null: nothing to send */
  dueAt: number | null;
}

/**
 * The 상담 안내 switch first, then each destination's 받을 알림. The rules are read with the
 * destinations (once per batch) and compiled once per distinct rule text, so an alert costs
 * three set lookups per destination and no database read. A dry run (accept-dry-run.ts) asks
 * the same function, so it cannot disagree with what a real dispatch does.
 */
export function routeAlert(alert: InquiryAlert, settings: WorkspaceSettings, destinations: DestinationRef[]) {
  if (!settings[EVENT_SWITCH[alert.event]]) return { skipped: true, unmatched: false, targets: [] };
  const targets = destinations.filter((d) => matcherFor(d.routing)(alert));
  return { skipped: false, unmatched: destinations.length > 0 && targets.length === 0, targets };
}

export function acceptBatch(batch: BatchItem[]): BatchOutcome {
  const now = Date.now();
  let destinations: DestinationRef[] = [];
  const used = new Set<DestinationRef>();
  // One commit (one WAL write, one sync) for the whole batch.
  const results = inImmediateTransaction(() => {
    const settings = getSettings();
    destinations = listEnabledDestinationRefs();
    return batch.map((item): AcceptResult | { error: unknown } => {
      const { skipped, unmatched, targets } = routeAlert(item.alert, settings, destinations);
      try {
        const result = acceptAlert({
          event: item.alert.event,
          payload: JSON.stringify(item.alert),
          skipped,
          unmatched,
          apiKeyId: item.apiKeyId,
          destinations: targets,
          idempotencyKey: item.idempotencyKey,
          now,
        });
        if (!result.replayed) for (const d of targets) used.add(d);
        return result;
      } catch (error) {
        // Disk full, I/O error, out of memory: SQLite may have rolled back the whole transaction,
        // not just this alert's savepoint. Then nothing of the batch is stored: fail it whole.
        if (!getDb().$client.inTransaction) throw error;
        return { error };
      }
    });
  });
  // A paced destination (Slack's one per second) is not due yet: the worker need not look before.
  const due = [...used].filter((d) => !d.paused).map((d) => Math.max(now, paceAllowedAt(d.messenger, d.paceTat)));
  return { results, dueAt: due.length > 0 ? Math.min(...due) : null };
}
