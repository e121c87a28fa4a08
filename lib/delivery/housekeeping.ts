import { getDb } from "@/db/client";
import { pruneAlertsBefore, pruneIdempotencyKeys } from "@/db/queries/alerts";
import { failOrphanedDeliveries } from "@/db/queries/deliveries";
import { pruneStatsBefore } from "@/db/queries/overview-stats";

// The worker's chores between sends: retention (ALERTS_RETENTION_DAYS) once an hour, and the
// orphan sweep once a minute.

const PRUNE_EVERY_MS = 3_600_000;
const ORPHAN_SWEEP_MS = 60_000;
const DAY_MS = 86_400_000;

/** Alerts created before this go (with their deliveries and attempts). */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

export class Housekeeping {
  private lastPrune = -Infinity;
  private lastSweep = -Infinity;

  constructor(private readonly retentionDays: () => number) {}

  /** Runs whatever is due; cheap to call on every look at the queue. */
  runIfDue(now: number): void {
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      const cutoff = retentionCutoff(now, this.retentionDays());
      // Pruned deliveries take themselves off 개요's counters (a trigger); the counter rows of
      // the hours now empty go after them.
      pruneAlertsBefore(cutoff);
      pruneStatsBefore(getDb(), cutoff);
      pruneIdempotencyKeys(now);
    }
    // Switching a destination off or deleting it fails its queue in the same transaction, and
    // the API reads destinations inside the transaction that stores an alert. What is left: a
    // delivery that was being sent at that moment and came back `retry` (the sender, not the
    // switch, settles a delivery in flight), an older version's data, a hand-edited database.
    if (now - this.lastSweep >= ORPHAN_SWEEP_MS) {
      this.lastSweep = now;
      failOrphanedDeliveries(now);
    }
  }
}
