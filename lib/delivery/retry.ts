// When to try again after a `retry` outcome. Chat alerts lose value fast, so the first retries
// come quickly; later ones back off to hourly. When to give up is not decided here: see
// `givesUp` in settle.ts, the one rule.
const SCHEDULE_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];
const HOURLY_MS = 3_600_000;
const RETRY_AFTER_MIN_MS = 1_000;
const RETRY_AFTER_MAX_MS = 3_600_000;

/**
 * The delay before attempt `attemptsSoFar + 1`. A messenger's Retry-After wins (clamped to
 * 1 s – 1 h), else the schedule with ±20 % jitter. `scale` (ALERTS_RETRY_SCALE) shrinks it all.
 */
export function retryDelay(opts: { attemptsSoFar: number; retryAfterMs?: number; scale: number; random?: () => number }): number {
  const { scale } = opts;
  if (opts.retryAfterMs !== undefined) {
    return Math.min(Math.max(opts.retryAfterMs, RETRY_AFTER_MIN_MS * scale), RETRY_AFTER_MAX_MS * scale);
  }
  const base = (SCHEDULE_MS[opts.attemptsSoFar - 1] ?? HOURLY_MS) * scale;
  return Math.round(base * (0.8 + 0.4 * (opts.random ?? Math.random)()));
}
