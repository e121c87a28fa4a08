import type { MessengerId } from "@/lib/messengers/ids";
import type { Outcome } from "@/lib/messengers/types";
import { failureReason, pausesDestination } from "./health";
import { paceAllowedAt, paceOf, tatNotBefore } from "./pacing";
import { retryDelay } from "./retry";

// What one attempt's outcome means for its deliveries and its destination, decided in one pure
// function: which deliveries fail, when the destination may send again (its pace), and whether
// it pauses (자동 중지). The worker calls it; db/queries/deliveries only writes the answer.

export interface SettleInput {
  outcome: Outcome;
  httpStatus: number | null;
  /** when the messenger answered (or the attempt failed) */
  at: number;
  messenger: MessengerId;
  /** the destination as claimed: its pace (GCRA tat) and its failing streak so far */
  destination: { paceTat: number; consecutiveFailures: number; firstFailureAt: number | null };
  deliveries: { id: string; createdAt: number }[];
  /** config().maxRetryAgeMs and config().retryScale; `random` for the jitter (tests fix it) */
  policy: { maxRetryAgeMs: number; retryScale: number; random?: () => number };
}

export interface Settlement {
  /** deliveries that end as failed: all on a permanent failure, those out of time on a retry */
  failed: string[];
  /** for a retry: the first moment the destination may send again (backoff or Retry-After) */
  retryAt: number | null;
  /** the destination's new pace; a retry's wait is stored here, so the destination backs off as a whole */
  paceTat: number;
  /** 자동 중지, with the code and the reason shown on the banner */
  pause: { code: string; reason: string } | null;
  /** for a failure: the messenger's code, else "network" or "http_<status>"; null when delivered */
  failureCode: string | null;
  /** a short reason for the log and the banner; "" when delivered */
  reason: string;
}

/**
 * The one give-up rule: a delivery fails when its next try would come `maxRetryAgeMs` after it
 * was accepted (never a try past that age: a late alert is no better than a failed one, and the
 * README promises failure within 24 h); a destination failing that long pauses.
 */
export function givesUp(since: number, at: number, maxRetryAgeMs: number): boolean {
  return at - since >= maxRetryAgeMs;
}

const MAX_QUIET_MS = 3_600_000;

export function settleAttempt(input: SettleInput): Settlement {
  const { outcome, at, messenger, destination, policy } = input;
  const pace = paceOf(messenger);
  // A one-at-a-time pace (Slack) counts from the answer, whatever it was: a slow request (a new
  // connection) must not bring the next one within the messenger's interval.
  const paceAfter = pace.burst === 1 ? at + pace.intervalMs : destination.paceTat;
  const reason = failureReason(outcome, input.httpStatus);
  if (outcome.kind === "delivered") {
    // A messenger that says its bucket is empty (Discord's X-RateLimit-Remaining: 0) gets that
    // quiet time before the next send, whatever the pace would allow; bounded like a Retry-After.
    const quiet = outcome.quietMs ? tatNotBefore(messenger, at + Math.min(outcome.quietMs, MAX_QUIET_MS)) : 0;
    return { failed: [], retryAt: null, paceTat: Math.max(destination.paceTat, paceAfter, quiet), pause: null, failureCode: null, reason };
  }
  const failureCode = outcome.code ?? (input.httpStatus === null ? "network" : `http_${input.httpStatus}`);
  if (outcome.kind === "permanent") {
    const pause = pausesDestination(messenger, outcome) ? { code: outcome.code ?? `http_${outcome.status}`, reason } : null;
    const failed = input.deliveries.map((d) => d.id);
    return { failed, retryAt: null, paceTat: Math.max(destination.paceTat, paceAfter), pause, failureCode, reason };
  }
  const delay = retryDelay({
    attemptsSoFar: destination.consecutiveFailures + 1,
    retryAfterMs: outcome.retryAfterMs,
    scale: policy.retryScale,
    random: policy.random,
  });
  // Never faster than the pace, and stored so that a burst allowance cannot bring the retry
  // forward: a Retry-After of 3 s means 3 s for Jandi's burst of 3 as for Slack.
  const retryAt = Math.max(at + delay, paceAllowedAt(messenger, destination.paceTat));
  const failingSince = destination.firstFailureAt ?? at;
  return {
    failed: input.deliveries.filter((d) => givesUp(d.createdAt, retryAt, policy.maxRetryAgeMs)).map((d) => d.id),
    retryAt,
    paceTat: Math.max(tatNotBefore(messenger, retryAt), paceAfter),
    pause: givesUp(failingSince, at, policy.maxRetryAgeMs) ? { code: outcome.code ?? "failing", reason } : null,
    failureCode,
    reason,
  };
}
