import { randomBytes } from "node:crypto";
import { pruneAlertsBefore, pruneIdempotencyKeys } from "@/db/queries/alerts";
import { claimDueGroups, type ClaimedGroup, failOrphanedDeliveries, nextWakeAt, releaseLeases, settleGroup } from "@/db/queries/deliveries";
import { clearRecovery } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import type { Alert, AlertContext, InquiryAlert } from "@/lib/alerts/types";
import { appBaseUrl, retentionDays } from "@/lib/env";
import { attemptDelivery } from "./attempt";
import { failureReason, maxRetryAgeMs, pausesDestination } from "./health";
import { audit } from "@/lib/audit";
import { notifyHealthChange } from "./notices";
import { PACE, paceAllowedAt, tatNotBefore } from "./pacing";
import { nextRetryDelay } from "./retry";
import { ATTEMPT_TIMEOUT_MS, redactUrl } from "./send";

// The in-process worker that drains the queue. Woken the moment the API stores deliveries (no
// polling when idle), it otherwise sleeps until the next send is due. Work is claimed per
// destination under a lease, so a crashed process's claims are picked up after the lease ends,
// and several processes sharing the database never send the same delivery twice.

const MAX_GROUPS = 16;
// A digest carries at most this many alerts (it shows ten and counts the rest). 200 rather than
// 500: claiming and settling a digest are synchronous SQLite work, and the bench's accept p99
// at 64 connections was 30–32 ms with 500 against 25 ms with 200.
const DIGEST_LIMIT = 200;
const DIGEST_ITEMS = 10;
const LEASE_MS = ATTEMPT_TIMEOUT_MS + 5_000;
const MAX_TIMER_MS = 30_000;
const SHUTDOWN_GRACE_MS = 3_000;
const PRUNE_EVERY_MS = 3_600_000;
const ORPHAN_SWEEP_MS = 60_000;

const digestId = () => `dg_${randomBytes(9).toString("base64url")}`;

class DeliveryWorker {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt: number | null = null;
  private drainQueued = false;
  private stopping = false;
  private readonly inFlight = new Set<string>();
  private readonly abort = new AbortController();
  private lastPrune = 0;
  private lastOrphanSweep = 0;

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
      this.pruneIfDue();
      do {
        this.again = false;
        // Deleting or switching off a destination fails its queue in the same transaction, and
        // the API reads destinations inside the transaction that stores an alert, so leftovers
        // can only come from an older version or a hand-edited database: a safety net, swept
        // once a minute.
        if (Date.now() - this.lastOrphanSweep > ORPHAN_SWEEP_MS) {
          this.lastOrphanSweep = Date.now();
          failOrphanedDeliveries(Date.now());
        }
        let groups: ClaimedGroup[];
        while (!this.stopping && (groups = claimDueGroups(Date.now(), LEASE_MS, MAX_GROUPS, DIGEST_LIMIT, DIGEST_ITEMS)).length > 0) {
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

  private schedule(): void {
    if (this.stopping) return;
    const at = nextWakeAt();
    this.setTimer(at === null ? MAX_TIMER_MS : Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS));
  }

  private pruneIfDue(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    pruneAlertsBefore(now - retentionDays() * 86_400_000);
    pruneIdempotencyKeys(now);
  }

  /** One destination's due alerts: alone if one, as a digest if they piled up. */
  private alertFor(group: ClaimedGroup): { alert: Alert; digest: string | null } {
    // Only the first DIGEST_ITEMS deliveries of a group come with their payload (the claim
    // reads no more): a digest shows those and counts the rest.
    const alerts = group.deliveries.flatMap((d) => (d.payload === null ? [] : [JSON.parse(d.payload) as Alert]));
    if (group.deliveries.length === 1) return { alert: alerts[0], digest: null };
    const inquiries = alerts.filter((a): a is InquiryAlert => a.kind === "event");
    return {
      alert: {
        kind: "digest",
        occurredAt: Date.now(),
        total: group.deliveries.length,
        items: inquiries.slice(0, DIGEST_ITEMS),
        moreUrl: `${appBaseUrl()}/deliveries?destination=${group.destination.id}`,
      },
      digest: digestId(),
    };
  }

  private async deliver(group: ClaimedGroup, ctx: AlertContext): Promise<void> {
    const { destination } = group;
    const ids = group.deliveries.map((d) => d.id);
    ids.forEach((id) => this.inFlight.add(id));
    try {
      const { alert, digest } = this.alertFor(group);
      const result = await attemptDelivery(destination.messenger, alert, destination, ctx, this.abort.signal);
      if (this.abort.signal.aborted) return; // shutting down: the exit handler releases the claim
      const { outcome } = result;
      const at = Date.now();
      const maxAge = maxRetryAgeMs();
      let retryAt: number | null = null;
      let pause: { code: string; reason: string } | null = null;
      const reason = failureReason(outcome, result.httpStatus);

      if (outcome.kind === "retry") {
        // The destination backs off as a whole, so its alerts stay in order of acceptance.
        const delay = nextRetryDelay({ attemptsSoFar: destination.consecutiveFailures + 1, retryAfterMs: outcome.retryAfterMs, ageMs: 0, maxAgeMs: Infinity });
        // Never faster than the pace, and stored so that a burst allowance cannot bring the
        // retry forward: a Retry-After of 3 s means 3 s for Jandi's burst of 3 as for Slack.
        retryAt = tatNotBefore(destination.messenger, Math.max(at + (delay ?? 0), paceAllowedAt(destination.messenger, destination.paceTat)));
        const failingSince = destination.firstFailureAt ?? at;
        if (at - failingSince >= maxAge) pause = { code: outcome.code ?? "failing", reason };
      } else if (outcome.kind === "permanent" && pausesDestination(outcome)) {
        pause = { code: outcome.code ?? `http_${outcome.status}`, reason };
      }
      const giveUp = outcome.kind === "retry" ? group.deliveries.filter((d) => at - d.createdAt >= maxAge).map((d) => d.id) : [];

      // A one-at-a-time pace (Slack) also counts from the answer: a slow first request (a new
      // connection) must not bring the next one within the messenger's interval.
      const pace = PACE[destination.messenger];
      const paceAfter = pace.burst === 1 ? at + pace.intervalMs : null;
      settleGroup({
        destinationId: destination.id, deliveryIds: ids, digestId: digest, at, outcome: outcome.kind, paceAfter,
        httpStatus: result.httpStatus, code: outcome.kind === "delivered" ? null : (outcome.code ?? null),
        message: outcome.kind === "delivered" ? null : (outcome.message ?? null),
        bodySnippet: result.bodySnippet, latencyMs: result.latencyMs, giveUp, retryAt, pause,
      });

      if (pause) {
        console.warn(`[alimi] destination ${destination.id} (${destination.messenger} ${redactUrl(destination.webhookUrl)}) paused: ${reason}`);
        notifyHealthChange("paused", destination, reason);
        await audit(null, "destination.paused", { type: "destination", id: destination.id, name: destination.name }, reason);
      } else if (outcome.kind === "delivered" && destination.pauseCode !== null) {
        // First success after 다시 사용: the one "recovered" notice.
        clearRecovery(destination.id);
        notifyHealthChange("recovered", destination);
      } else if (outcome.kind !== "delivered") {
        console.warn(`[alimi] ${destination.messenger} ${redactUrl(destination.webhookUrl)}: ${outcome.kind} ${reason}`);
      }
    } finally {
      ids.forEach((id) => this.inFlight.delete(id));
    }
  }
}

const holder = globalThis as unknown as { __alimiWorker?: DeliveryWorker };

/** One worker per process, shared by instrumentation and route handlers (separate bundles). */
export function deliveryWorker(): DeliveryWorker {
  holder.__alimiWorker ??= new DeliveryWorker();
  return holder.__alimiWorker;
}
