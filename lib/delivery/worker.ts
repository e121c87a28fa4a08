import { type ClaimedGroup, claimDueGroups, nextWakeAt, releaseLeases, settleGroup } from "@/db/queries/deliveries";
import { getSettings } from "@/db/queries/settings";
import type { AlertContext } from "@/lib/alerts/types";
import { appBaseUrl, config, retentionDays } from "@/lib/env";
import { attemptDelivery } from "./attempt";
import { DIGEST_ITEMS, DIGEST_LIMIT, groupMessage, groupSize, newDigestId } from "./digest";
import { Housekeeping } from "./housekeeping";
import { reportSettlement } from "./notices";
import { paceRules } from "./pacing";
import { attemptTimeoutMs } from "./send";
import { settleAttempt } from "./settle";

// The in-process worker that drains the queue. Woken the moment the API stores deliveries (no
// polling when idle), it otherwise sleeps until the next send is due. Work is claimed per
// destination under a lease, so a crashed process's claims are picked up after the lease ends,
// and several processes sharing the database never send the same delivery twice.

const MAX_GROUPS = 16;
const MAX_TIMER_MS = 30_000;
const SHUTDOWN_GRACE_MS = 3_000;
// Read when first claimed, not at load: the configuration is validated when the server starts.
const claimRules = () => ({
  leaseMs: attemptTimeoutMs() + 5_000,
  maxGroups: MAX_GROUPS,
  perGroup: DIGEST_LIMIT,
  withPayload: DIGEST_ITEMS,
  pace: paceRules,
  groupSize,
});

class DeliveryWorker {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt: number | null = null;
  private drainQueued = false;
  private stopping = false;
  private readonly inFlight = new Set<string>();
  private readonly abort = new AbortController();
  private readonly housekeeping = new Housekeeping(retentionDays);

  /**
   * New work, due at `dueAt` (now if not given). Work due later only moves the timer earlier;
   * work due now starts a drain on the next turn of the event loop, so the many wakes of a
   * burst cost one look at the queue, not one each.
   */
  wake(dueAt = Date.now()): void {
    if (this.stopping) return;
    const now = Date.now();
    // Running: the drain's closing schedule() reads the queue again and will see this work.
    if (this.running) {
      if (dueAt <= now) this.again = true;
      return;
    }
    if (dueAt > now) {
      if (this.timerAt === null || dueAt < this.timerAt) this.setTimer(dueAt - now);
      return;
    }
    if (this.drainQueued) return;
    this.drainQueued = true;
    setImmediate(() => {
      this.drainQueued = false;
      if (!this.running && !this.stopping) void this.drain();
    });
  }

  private setTimer(delay: number): void {
    clearTimeout(this.timer);
    this.timerAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timerAt = null;
      this.wake();
    }, delay);
    this.timer.unref?.();
  }

  /** SIGTERM: take no new work; give in-flight sends a moment, then abort them. */
  shutdown(): void {
    this.stopping = true;
    clearTimeout(this.timer);
    setTimeout(() => this.abort.abort(), SHUTDOWN_GRACE_MS).unref();
  }

  /** Resolves once no drain is running: the graceful exit waits for sends in flight. */
  async settled(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** On exit (synchronous): hand unfinished claims back at once instead of waiting for the lease. */
  releaseClaims(): void {
    if (this.inFlight.size > 0) releaseLeases([...this.inFlight]);
  }

  private async drain(): Promise<void> {
    this.running = true;
    clearTimeout(this.timer);
    this.timerAt = null;
    try {
      do {
        this.again = false;
        this.housekeeping.runIfDue(Date.now());
        for (let groups = this.claim(); groups.length > 0; groups = this.claim()) {
          const settings = getSettings();
          const ctx: AlertContext = { locale: settings.alertLocale, timeZone: settings.timeZone };
          await Promise.all(groups.map((g) => this.deliver(g, ctx)));
        }
      } while (this.again && !this.stopping);
    } catch (error) {
      console.error("[alimi] delivery worker error:", error instanceof Error ? error.message : error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  /** Due work, or nothing once shutting down (a send in progress finishes, no new one starts). */
  private claim(): ClaimedGroup[] {
    return this.stopping ? [] : claimDueGroups(Date.now(), claimRules());
  }

  private schedule(): void {
    if (this.stopping) return;
    const at = nextWakeAt(Date.now(), paceRules);
    this.setTimer(at === null ? MAX_TIMER_MS : Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS));
  }

  private async deliver(group: ClaimedGroup, ctx: AlertContext): Promise<void> {
    const { destination } = group;
    const ids = group.deliveries.map((d) => d.id);
    for (const id of ids) this.inFlight.add(id);
    try {
      const moreUrl = `${appBaseUrl()}/deliveries?destination=${destination.id}`;
      const { alert, digest } = groupMessage(
        group.deliveries.map((d) => d.payload),
        { now: Date.now(), moreUrl },
      );
      const result = await attemptDelivery(destination.messenger, alert, destination, ctx, this.abort.signal);
      if (this.abort.signal.aborted) return; // shutting down: the exit handler releases the claim
      const { outcome } = result;
      const at = Date.now();
      const { maxRetryAgeMs, retryScale } = config();
      const settlement = settleAttempt({
        outcome,
        httpStatus: result.httpStatus,
        at,
        messenger: destination.messenger,
        destination,
        deliveries: group.deliveries,
        policy: { maxRetryAgeMs, retryScale },
      });
      settleGroup({
        destinationId: destination.id,
        deliveryIds: ids,
        digestId: digest ? newDigestId() : null,
        at,
        outcome: outcome.kind,
        httpStatus: result.httpStatus,
        code: outcome.kind === "delivered" ? null : (outcome.code ?? null),
        message: outcome.kind === "delivered" ? null : (outcome.message ?? null),
        bodySnippet: result.bodySnippet,
        latencyMs: result.latencyMs,
        failed: settlement.failed,
        paceTat: settlement.paceTat,
        pause: settlement.pause,
        failureCode: settlement.failureCode,
      });
      await reportSettlement(destination, outcome, settlement);
    } finally {
      for (const id of ids) this.inFlight.delete(id);
    }
  }
}

const holder = globalThis as unknown as { __alimiWorker?: DeliveryWorker };

/** One worker per process, shared by instrumentation and route handlers (separate bundles). */
export function deliveryWorker(): DeliveryWorker {
  holder.__alimiWorker ??= new DeliveryWorker();
  return holder.__alimiWorker;
}
