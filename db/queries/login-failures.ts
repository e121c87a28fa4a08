import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { getDb, inImmediateTransaction } from "../client";
import { loginFailures } from "../schema";

// A row is one password check under one key (an address or an account): a check that failed,
// or one still running. Correct passwords remove their rows once verified.

export interface AttemptLimit {
  key: string;
  max: number;
}

export type AttemptClaim = { ok: true; ids: number[] } | { ok: false; retryAt: number };

/**
 * Records one attempt under every key, unless some key already has `max` attempts in the window:
 * then nothing is recorded, and `retryAt` says when the window has room again. Counting and
 * recording are one IMMEDIATE transaction, so parallel attempts (in other processes too) cannot
 * all pass the count before any of them is recorded.
 */
export function claimLoginAttempt(limits: AttemptLimit[], at: number, windowMs: number): AttemptClaim {
  return inImmediateTransaction(() => {
    const db = getDb();
    const since = at - windowMs;
    let retryAt = 0;
    for (const { key, max } of limits) {
      const inWindow = and(eq(loginFailures.address, key), gte(loginFailures.at, since));
      const n = db.select({ n: count() }).from(loginFailures).where(inWindow).get()?.n ?? 0;
      if (n < max) continue;
      // Room again once the oldest n - max + 1 attempts have left the window.
      const row = db
        .select({ at: loginFailures.at })
        .from(loginFailures)
        .where(inWindow)
        .orderBy(loginFailures.at)
        .limit(1)
        .offset(n - max)
        .get();
      retryAt = Math.max(retryAt, (row?.at ?? at) + windowMs);
    }
    if (retryAt > 0) return { ok: false, retryAt };
    const ids = limits.map(({ key }) => db.insert(loginFailures).values({ address: key, at }).returning({ id: loginFailures.id }).get().id);
    // Old rows are of no use to anyone: keep the table small.
    db.delete(loginFailures)
      .where(lt(loginFailures.at, at - 10 * windowMs))
      .run();
    return { ok: true, ids };
  });
}

/** A correct password: its attempt was no failure. */
export function forgetLoginAttempts(ids: number[]): void {
  if (ids.length > 0) getDb().delete(loginFailures).where(inArray(loginFailures.id, ids)).run();
}
