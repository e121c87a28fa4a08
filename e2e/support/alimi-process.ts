import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// The server's node flags (a heap budget), as `npm start` passes them.
const SERVER_NODE_FLAGS: string[] = JSON.parse(fs.readFileSync(path.resolve("lib/server/node-flags.json"), "utf8"));

// Fault tests need servers they can kill -9 and restart, so they start their own processes of the
// production server exactly as `npm start` runs it (.next/alimi/server.cjs with the node flags,
// real SQLite files under ./data) instead of Playwright's webServer.

export const ADMIN = { email: "faults@alimi.test", password: "fault-tests-password" };

export interface AlimiProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function freshDataDir(name: string): string {
  const dir = path.resolve("data", `e2e-faults-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export async function startAlimi(port: number, dataDir: string, env: Record<string, string> = {}): Promise<AlimiProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ".next/alimi/server.cjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ALERTS_ALLOW_LOOPBACK_WEBHOOKS: "1",
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alimi exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`alimi did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** An API key through the documented automation command, against the same database file. */
export function createApiKey(dataDir: string): string {
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/apikey.ts", "create", "fault tests"], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return out.trim().split("\n").at(-1) ?? "";
}

/** Read-only look at the database, to check what the delivery log records. */
export function queryDb<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, "alimi.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function postAlert(url: string, key: string, body: unknown) {
  const res = await fetch(`${url}/api/v1/alerts`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`dispatch answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { alertId: string; deliveries: { id: string }[] };
}

export function inquiry(n: number | string) {
  return {
    event: "message.submitted",
    session: { id: `s_${n}`, url: `https://chat.example.com/ws/sessions/s_${n}`, channel: "web" },
    customer: { name: `고객${n}` },
    message: `문의 ${n}`,
  };
}
