import type { Db } from "./client";

// Statements on the dispatch path are built and prepared once per connection, then reused:
// building a drizzle query and preparing its SQL costs more CPU than SQLite takes to run it.
// Keyed by the connection, so tests that swap databases get their own statements.
const cache = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
