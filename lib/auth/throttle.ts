import "server-only";
import { isIP } from "node:net";
import { claimLoginAttempt, forgetLoginAttempts } from "@/db/queries/login-failures";

// Password checks are counted per client address and per account in the database, so the limit
// survives restarts and holds across processes. Per account as well, so one account attacked
// from many addresses is limited too.
export const LOGIN_WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 10;

/**
 * The throttle's key for an address: an IPv6 client usually holds a whole /64 and could pick a
 * fresh address for every try, so IPv6 addresses count per /64 network.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const groups = (text: string) => (text ? text.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const before = groups(head);
  const full = address.includes("::") ? [...before, ...Array(8 - before.length - groups(tail).length).fill("0"), ...groups(tail)] : before;
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export type ThrottledCheck = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

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
    { key: `ip:${addressBucket(address)}`, max: MAX_FAILURES_PER_ADDRESS },
    { key: `acct:${email.toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT },
  ];
  const claim = claimLoginAttempt(limits, now, LOGIN_WINDOW_MS);
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((claim.retryAt - now) / 1000)) };
  // A check that throws keeps its record: an error is no proof of the right password.
  if (!(await check())) return { ok: false, reason: "wrong" };
  forgetLoginAttempts(claim.ids);
  return { ok: true };
}
