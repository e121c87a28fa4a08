import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { reloadConfig } from "@/lib/env";
import { encryptSecret, keyFilePath } from "./secret-box";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("DATA_DIR and its files are private to the owner", () => {
  let root = "";
  let previous: { umask: number; dataDir: string | undefined };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "alimi-perms-"));
    // The most permissive umask: the modes must come from Alimi, not from the environment.
    previous = { umask: process.umask(0), dataDir: process.env.DATA_DIR };
  });
  afterEach(() => {
    process.umask(previous.umask);
    process.env.DATA_DIR = previous.dataDir;
    reloadConfig();
    Object.assign(globalThis, { __alimiKey: undefined, __alimiPendingKey: undefined });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("creates DATA_DIR 0700 and alimi.db, -wal and -shm 0600", () => {
    const dir = path.join(root, "data");
    const db = openDatabase(path.join(dir, "alimi.db"));
    try {
      db.$client.prepare("create table t (x)").run(); // something in the WAL
      expect(mode(dir)).toBe(0o700);
      for (const name of ["alimi.db", "alimi.db-wal", "alimi.db-shm"]) expect([name, mode(path.join(dir, name))]).toEqual([name, 0o600]);
    } finally {
      db.$client.close();
    }
  });

  it("narrows an existing DATA_DIR and database files of ours that were readable by others", () => {
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    openDatabase(path.join(dir, "alimi.db")).$client.close();
    fs.chmodSync(path.join(dir, "alimi.db"), 0o644);

    openDatabase(path.join(dir, "alimi.db")).$client.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "alimi.db"))).toBe(0o600);
  });

  it("writes the key file 0600, and narrows one that is not", () => {
    process.env.DATA_DIR = path.join(root, "keys");
    delete process.env.ALIMI_SECRET_KEY;
    reloadConfig();
    encryptSecret("x");
    expect(mode(process.env.DATA_DIR)).toBe(0o700);
    expect(mode(keyFilePath())).toBe(0o600);
    fs.chmodSync(keyFilePath(), 0o644);
    encryptSecret("y");
    expect(mode(keyFilePath())).toBe(0o600);
  });
});
