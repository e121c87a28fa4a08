import { config } from "@/lib/env";

// When to try again after a `retry` outcome. Chat alerts lose value fast, so the first retries
// come quickly; later ones back off to hourly, and the delivery gives up after 24 h.
const SCHEDULE_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];
const HOURLY_MS = 3_600_000;
const RETRY_AFTER_MIN_MS = 1_000;
const RETRY_AFTER_MAX_MS = 3_600_000;

/** ALERTS_RETRY_SCALE shrinks the whole schedule (tests and demos use e.g. 0.01). */
export function retryScale(): number {
  return config().retryScale;
}

/**
 * The delay before attempt `attemptsSoFar + 1`, or null when the delivery should give up.
 * A messenger's Retry-After wins (clamped to 1 s – 1 h), else the schedule with ±20 % jitter.
 */
export function nextRetryDelay(opts: {
  attemptsSoFar: number;
  retryAfterMs?: number;
  ageMs: number;
  scale?: number;
  random?: () => number;
  /** give up past this age (already scaled); defaults to 24 h × scale */
  maxAgeMs?: number;
}): number | null {
  const scale = opts.scale ?? retryScale();
  const random = opts.random ?? Math.random;
  let delay: number;
  if (opts.retryAfterMs !== undefined) {
    delay = Math.min(Math.max(opts.retryAfterMs, RETRY_AFTER_MIN_MS * scale), RETRY_AFTER_MAX_MS * scale);
  } else {
    const base = (SCHEDULE_MS[opts.attemptsSoFar - 1] ?? HOURLY_MS) * scale;
    delay = Math.round(base * (0.8 + 0.4 * random()));
  }
  return opts.ageMs + delay >= (opts.maxAgeMs ?? 24 * 3_600_000 * scale) ? null : delay;
}
