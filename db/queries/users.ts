import { count, eq } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function findUserByEmail(email: string) {
  return getDb().select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function insertUser(email: string, passwordHash: string) {
  return getDb().insert(users).values({ email: email.toLowerCase(), passwordHash }).returning({ id: users.id, email: users.email }).get();
}

/**
 * Creates the first admin only while none exists, atomically, so two racing first-run
 * submissions (or a first-run page and ADMIN_EMAIL at start) cannot create two.
 */
export function insertFirstUser(email: string, passwordHash: string) {
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx.select({ n: count() }).from(users).get()?.n ?? 0;
    if (existing > 0) return null;
    return tx.insert(users).values({ email: email.toLowerCase(), passwordHash }).returning({ id: users.id, email: users.email }).get();
  });
}

export function listUsers() {
  return getDb()
    .select({ id: users.id, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.createdAt)
    .all();
}

export function insertUserWithRole(email: string, passwordHash: string, role: "admin" | "viewer") {
  return getDb()
    .insert(users)
    .values({ email: email.toLowerCase(), passwordHash, role })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email })
    .get();
}

/** Removes an account (its sessions go with it), never the last 관리자. */
export function deleteUser(id: number): "ok" | "last_admin" | "not_found" {
  const db = getDb();
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, id)).get();
    if (!user) return "not_found";
    if (user.role === "admin") {
      const admins = tx.select({ n: count() }).from(users).where(eq(users.role, "admin")).get()?.n ?? 0;
      if (admins <= 1) return "last_admin";
    }
    tx.delete(users).where(eq(users.id, id)).run();
    return "ok";
  });
}

/** The stored scrypt hash, to check a password the signed-in user types again. */
export function findPasswordHash(id: number): string | undefined {
  return getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.passwordHash;
}

export function updatePasswordHash(id: number, passwordHash: string): boolean {
  return getDb().update(users).set({ passwordHash }).where(eq(users.id, id)).run().changes > 0;
}
