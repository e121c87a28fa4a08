import Database from "better-sqlite3";

// Typed database errors: decide by better-sqlite3's error code, never by an error's wording
// (a message that merely contains "UNIQUE", from a trigger or a wrapper, is something else).

/** Walks `cause`, since a query builder may wrap the driver's error in its own. */
function sqliteCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Database.SqliteError) return current.code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A UNIQUE constraint refused the write (e.g. a key prefix or an e-mail address already taken). */
export function isUniqueViolation(error: unknown): boolean {
  return sqliteCode(error) === "SQLITE_CONSTRAINT_UNIQUE";
}
