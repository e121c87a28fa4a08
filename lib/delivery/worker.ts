import { claimDueDeliveries, type ClaimedDelivery, nextWakeAt, recordAttempt } from "@/db/queries/deliveries";
import { getSettings } from "@/db/queries/settings";
import type { AlertContext, InquiryAlert } from "@/lib/alerts/types";
import { attemptDelivery } from "./attempt";
import { nextRetryDelay } from "./retry";
import { redactUrl } from "./send";

// The in-process worker that drains the delivery queue. It is woken the moment the API stores
// deliveries (no polling delay when idle) and otherwise sleeps until the next retry is due.
// Claims carry a lease, so a crashed process's deliveries are picked up again after it expires.

const BATCH = 32;
const LEASE_MS = 60_000;
const MAX_TIMER_MS = 60_000;

class DeliveryWorker {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    this.running = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        let batch: ClaimedDelivery[];
        while ((batch = claimDueDeliveries(Date.now(), LEASE_MS, BATCH)).length > 0) {
          const settings = getSettings();
          const ctx: AlertContext = { locale: settings.alertLocale, timeZone: settings.timeZone };
          await Promise.all(batch.map((d) => this.deliver(d, ctx)));
        }
      } while (this.again);
    } catch (error) {
      console.error("[alimi] delivery worker error:", error instanceof Error ? error.message : error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const at = nextWakeAt();
    if (at === null) return;
    const delay = Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref?.();
  }

  private async deliver(d: ClaimedDelivery, ctx: AlertContext): Promise<void> {
    const now = Date.now();
    const fail = (code: string, message: string) =>
      recordAttempt({ deliveryId: d.id, at: now, outcome: "permanent", httpStatus: null, code, message,
        bodySnippet: null, latencyMs: 0, nextAttemptAt: null });
    if (!d.destination) return fail("destination_deleted", "the destination was deleted before delivery");
    if (!d.destination.enabled) return fail("destination_disabled", "the destination was turned off before delivery");

    const alert = JSON.parse(d.payload) as InquiryAlert;
    const result = await attemptDelivery(d.destination.messenger, alert, d.destination, ctx);
    const { outcome } = result;
    const at = Date.now();
    const nextAttemptAt =
      outcome.kind === "retry"
        ? (() => {
            const delay = nextRetryDelay({ attemptsSoFar: d.attempts + 1, retryAfterMs: outcome.retryAfterMs, ageMs: at - d.createdAt });
            return delay === null ? null : at + delay;
          })()
        : null;
    recordAttempt({
      deliveryId: d.id,
      at,
      outcome: outcome.kind,
      httpStatus: result.httpStatus,
      code: outcome.kind === "delivered" ? null : (outcome.code ?? null),
      message: outcome.kind === "delivered" ? null : (outcome.message ?? null),
      bodySnippet: result.bodySnippet,
      latencyMs: result.latencyMs,
      nextAttemptAt,
    });
    if (outcome.kind !== "delivered") {
      console.warn(
        `[alimi] delivery ${d.id} to ${d.destination.messenger} ${redactUrl(d.destination.webhookUrl)}: ` +
          `${outcome.kind} ${result.httpStatus ?? "-"} ${outcome.code ?? ""}${nextAttemptAt ? "" : " (gave up)"}`,
      );
    }
  }
}

const holder = globalThis as unknown as { __alimiWorker?: DeliveryWorker };

/** One worker per process, shared by instrumentation and route handlers (separate bundles). */
export function deliveryWorker(): DeliveryWorker {
  holder.__alimiWorker ??= new DeliveryWorker();
  return holder.__alimiWorker;
}
