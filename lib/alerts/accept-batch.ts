import { getDb, inImmediateTransaction } from "@/db/client";
import { type AcceptedAlert, acceptAlert } from "@/db/queries/alerts";
import { listEnabledDestinationRefs } from "@/db/queries/destinations";
import { getSettings, type WorkspaceSettings } from "@/db/queries/settings";
import { paceAllowedAt } from "@/lib/delivery/pacing";
import type { EventType, InquiryAlert } from "./types";

// The database half of accepting alerts: one transaction for a whole batch, a savepoint per
// alert, on the caller's connection.

const SWITCH: Record<EventType, keyof WorkspaceSettings> = {
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

export function acceptBatch(batch: BatchItem[]): BatchOutcome {
  const now = Date.now();
  let destinations: ReturnType<typeof listEnabledDestinationRefs> = [];
  // One commit (one WAL write, one sync) for the whole batch.
  const results = inImmediateTransaction(() => {
    const settings = getSettings();
    destinations = listEnabledDestinationRefs();
    return batch.map((item): AcceptResult | { error: unknown } => {
      const skipped = !settings[SWITCH[item.alert.event]];
      try {
        return acceptAlert({
          event: item.alert.event,
          payload: JSON.stringify(item.alert),
          skipped,
          apiKeyId: item.apiKeyId,
          destinations: skipped ? [] : destinations,
          idempotencyKey: item.idempotencyKey,
          now,
        });
      } catch (error) {
        // Disk full, I/O error, out of memory: SQLite may have rolled back the whole transaction,
        // not just this alert's savepoint. Then nothing of the batch is stored: fail it whole.
        if (!getDb().$client.inTransaction) throw error;
        return { error };
      }
    });
  });
  const stored = results.some((r) => "accepted" in r && !r.replayed && r.accepted.deliveries.length > 0);
  // A paced destination (Slack's one per second) is not due yet: the worker need not look before.
  const due = destinations.filter((d) => !d.paused).map((d) => Math.max(now, paceAllowedAt(d.messenger, d.paceTat)));
  return { results, dueAt: stored && due.length > 0 ? Math.min(...due) : null };
}
