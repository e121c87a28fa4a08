import "server-only";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensurePrivateDir, ensurePrivateFile, restrictIfPresent } from "@/lib/crypto/private-files";
import { databasePath } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// process.cwd(), not __dirname: Next bundles server code into .next, but runs from the app root.
const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Opens (creating if needed) a database file and brings it to the latest migration. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    // Owner-only (0700 / 0600), whatever the umask: the file holds customer data. SQLite gives
    // the -wal and -shm files it creates the database file's mode; ones left by an older
    // version are narrowed here too.
    ensurePrivateDir(path.dirname(file));
    ensurePrivateFile(file);
    for (const suffix of ["-wal", "-shm", "-journal"]) restrictIfPresent(`${file}${suffix}`);
  }
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: each commit is synced to disk before the API answers 202, so an accepted alert also
  // survives a power loss or an OS crash, not just a crashed process. With one commit per batch
  // of alerts it costs ~13 % of peak accept throughput and nothing at the p99 (npm run bench).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

// One connection per process; kept on globalThis so dev-mode reloads don't open another.
const holder = globalThis as unknown as { __alimiDb?: Db };

export function getDb(): Db {
  holder.__alimiDb ??= openDatabase(databasePath());
  return holder.__alimiDb;
}

/**
 * Runs `work` as one IMMEDIATE transaction on the process's connection. IMMEDIATE takes the
 * write lock up front: a transaction that reads first and writes later would otherwise fail at
 * once with SQLITE_BUSY when another process wrote in between, instead of waiting its turn.
 */
export function inImmediateTransaction<T>(work: () => T): T {
  return getDb().$client.transaction(work).immediate();
}

/** Tests swap in their own database (a temp file or :memory: with the real migrations). */
export function setDbForTests(db: Db | undefined): void {
  holder.__alimiDb = db;
}
