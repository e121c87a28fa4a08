import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { type Db, openDatabase, setDbForTests } from "../client";

/** Each test gets a real SQLite file, migrated with the committed migrations. */
export function useTempDatabase(): () => Db {
  let dir = "";
  let db: Db | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "alimi-test-"));
    db = openDatabase(path.join(dir, "alimi.db"));
    setDbForTests(db);
  });
  afterEach(() => {
    db?.$client.close();
    setDbForTests(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error("useTempDatabase(): the database exists only inside a test");
    return db;
  };
}
