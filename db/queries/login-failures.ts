import { and, count, eq, gte, lt } from "drizzle-orm";
import { getDb } from "../client";
import { loginFailures } from "../schema";

export function recordLoginFailure(address: string, at: number) {
  getDb().insert(loginFailures).values({ address, at }).run();
}

export function countLoginFailuresSince(address: string, since: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.address, address), gte(loginFailures.at, since)))
      .get()?.n ?? 0
  );
}

/** The oldest failure still inside the window tells when the next attempt is allowed. */
export function oldestLoginFailureSince(address: string, since: number): number | null {
  const row = getDb()
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.address, address), gte(loginFailures.at, since)))
    .orderBy(loginFailures.at)
    .limit(1)
    .get();
  return row?.at ?? null;
}

export function clearLoginFailures(address: string) {
  getDb().delete(loginFailures).where(eq(loginFailures.address, address)).run();
}

export function pruneLoginFailures(before: number) {
  getDb().delete(loginFailures).where(lt(loginFailures.at, before)).run();
}
