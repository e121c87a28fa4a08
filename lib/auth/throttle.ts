import { claimLoginAttempt, forgetLoginAttempts } from "@/db/queries/login-failures";

// Password checks are counted per client address and per account in the database, so the limit
// survives restarts and holds across processes. Per account as well, so one account attacked
// from many addresses is limited too.
export const LOGIN_WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 10;

export type ThrottledCheck =
  | { ok: true }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Runs `check` (the slow password hash) only when the address and the account are under their
 * limits. The attempt is recorded before the check starts, in the same transaction that counts
 * the window, so many requests sent at once cannot all be checked; a correct password then
 * takes its record back, so signing in never counts against anyone.
 */
export async function throttledCheck(
  address: string,
  email: string,
  check: () => Promise<boolean>,
  now = Date.now(),
): Promise<ThrottledCheck> {
  const limits = [
    { key: `ip:${address}`, max: MAX_FAILURES_PER_ADDRESS },
    { key: `acct:${email.toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT },
  ];
  const claim = claimLoginAttempt(limits, now, LOGIN_WINDOW_MS);
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((claim.retryAt - now) / 1000)) };
  // A check that throws keeps its record: an error is no proof of the right password.
  if (!(await check())) return { ok: false, reason: "wrong" };
  forgetLoginAttempts(claim.ids);
  return { ok: true };
}
