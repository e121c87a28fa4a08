import { and, eq, gt, lt, ne } from "drizzle-orm";
import { getDb } from "../client";
import { sessions, users } from "../schema";

export function insertSession(tokenHash: string, userId: number, expiresAt: number) {
  getDb().insert(sessions).values({ tokenHash, userId, expiresAt }).run();
}

/** The signed-in user for a token hash, if the session exists and has not expired. */
export function findLiveSession(tokenHash: string, now: number) {
  return getDb()
    .select({ userId: users.id, email: users.email, role: users.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get();
}

export function deleteSession(tokenHash: string) {
  getDb().delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(now: number) {
  getDb().delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

/** After a password change: every other session of that user ends (a stolen one included). */
export function deleteOtherSessions(userId: number, keepTokenHash: string) {
  getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
    .run();
}
