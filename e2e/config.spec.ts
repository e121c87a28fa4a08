import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { freshDataDir, startAlimi } from "./support/alimi-process";

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

// "Is this https?" is decided once, at run time: the build was made without APP_BASE_URL, and a
// server started with an https one sends HSTS on its pages and its API, and a Secure cookie.
test("HSTS follows APP_BASE_URL at run time, not at build", async () => {
  const port = E2E_PORT + 40;
  const server = await startAlimi(port, freshDataDir("https-base"), { APP_BASE_URL: "https://alimi.example.com" });
  try {
    for (const path of ["/login", "/api/health"]) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/alerts`, { method: "POST" });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  } finally {
    await server.kill("SIGKILL");
  }
});
