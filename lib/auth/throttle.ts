import {
  countLoginFailuresSince,
  oldestLoginFailureSince,
  pruneLoginFailures,
  recordLoginFailure,
} from "@/db/queries/login-failures";

// Failed sign-ins are counted per client address and per account in the database, so the
// limit survives restarts. Per account as well, because a client can spoof X-Forwarded-For.
export const LOGIN_WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 10;

function keys(address: string, email: string) {
  return [
    { key: `ip:${address}`, max: MAX_FAILURES_PER_ADDRESS },
    { key: `acct:${email.toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT },
  ];
}

/** Seconds until another attempt is allowed, or 0 when the attempt may go ahead. */
export function loginRetryAfterSeconds(address: string, email: string, now: number): number {
  const since = now - LOGIN_WINDOW_MS;
  let wait = 0;
  for (const { key, max } of keys(address, email)) {
    if (countLoginFailuresSince(key, since) < max) continue;
    const oldest = oldestLoginFailureSince(key, since) ?? now;
    wait = Math.max(wait, Math.ceil((oldest + LOGIN_WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function noteLoginFailure(address: string, email: string, now: number) {
  for (const { key } of keys(address, email)) recordLoginFailure(key, now);
  pruneLoginFailures(now - 10 * LOGIN_WINDOW_MS);
}
