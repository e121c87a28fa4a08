import { type AcceptedAlert, acceptAlert, inOneTransaction } from "@/db/queries/alerts";
import { listEnabledDestinationRefs } from "@/db/queries/destinations";
import { getSettings, type WorkspaceSettings } from "@/db/queries/settings";
import { paceAllowedAt } from "@/lib/delivery/pacing";
import { deliveryWorker } from "@/lib/delivery/worker";
import type { EventType, InquiryAlert } from "./types";

const SWITCH: Record<EventType, keyof WorkspaceSettings> = {
  "message.submitted": "notifyMessageSubmitted",
  "session.waiting": "notifySessionWaiting",
  "session.assigned": "notifySessionAssigned",
};

export interface AcceptResult {
  replayed: boolean;
  accepted: AcceptedAlert;
}

interface Waiting {
  alert: InquiryAlert;
  apiKeyId: number | null;
  idempotencyKey: string | null;
  resolve(result: AcceptResult): void;
  reject(error: unknown): void;
}

// Group commit: alerts that arrive in the same turn of the event loop are stored in one
// transaction, so a burst pays for one commit (one WAL write) instead of one per alert. Each
// alert still has its own savepoint and each caller gets its answer only after the commit:
// a 202 always means the alert is on disk. A lone alert waits for nothing but setImmediate.
let waiting: Waiting[] = [];

/**
 * Stores an inquiry alert with one delivery per enabled destination (or as skipped when its
 * 상담 안내 switch is off), then wakes the worker. Resolves with what the API answers.
 */
export function acceptInquiry(alert: InquiryAlert, opts: { apiKeyId: number | null; idempotencyKey: string | null }): Promise<AcceptResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ alert, ...opts, resolve, reject });
    if (waiting.length === 1) setImmediate(flush);
  });
}

function flush(): void {
  const batch = waiting;
  waiting = [];
  const now = Date.now();
  let outcomes: (AcceptResult | { error: unknown })[];
  let destinations: ReturnType<typeof listEnabledDestinationRefs> = [];
  try {
    outcomes = inOneTransaction(() => {
      const settings = getSettings();
      destinations = listEnabledDestinationRefs();
      return batch.map((w) => {
        const skipped = !settings[SWITCH[w.alert.event]];
        try {
          return acceptAlert({
            event: w.alert.event,
            payload: JSON.stringify(w.alert),
            skipped,
            apiKeyId: w.apiKeyId,
            destinations: skipped ? [] : destinations,
            idempotencyKey: w.idempotencyKey,
            now,
          });
        } catch (error) {
          return { error };
        }
      });
    });
  } catch (error) {
    // The commit itself failed (e.g. the disk is full): nothing of the batch was stored.
    for (const w of batch) w.reject(error);
    return;
  }
  let stored = false;
  batch.forEach((w, i) => {
    const outcome = outcomes[i];
    if ("error" in outcome) return w.reject(outcome.error);
    stored ||= !outcome.replayed && outcome.accepted.deliveries.length > 0;
    w.resolve(outcome);
  });
  if (!stored) return;
  // Tell the worker when the earliest of these can go: a paced destination (Slack's one per
  // second) is not due yet, and the worker need not look before it is.
  const dueAt = Math.min(...destinations.filter((d) => !d.paused).map((d) => Math.max(now, paceAllowedAt(d.messenger, d.paceTat))));
  deliveryWorker().wake(dueAt);
}
