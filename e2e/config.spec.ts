import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A mistyped setting stops the production server at start, naming the variable, without a stack
// trace — and before it touches the data directory.
test("an invalid environment stops the server with a clear message", () => {
  const flags: string[] = JSON.parse(fs.readFileSync("lib/server/node-flags.json", "utf8"));
  const dataDir = path.resolve("data", "e2e-config-refused");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [...flags, ".next/alimi/server.cjs"], {
    env: { ...process.env, PORT: "http", ALERTS_RETRY_SCALE: "2", TRUST_PROXY: "proxy.internal", DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("invalid configuration");
  expect(run.stderr).toContain("PORT must be a whole number");
  expect(run.stderr).toContain("ALERTS_RETRY_SCALE must be at most 1");
  expect(run.stderr).toContain('TRUST_PROXY: "proxy.internal"');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(fs.existsSync(dataDir)).toBe(false);
});
