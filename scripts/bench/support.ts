import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Helpers for the benchmark: Alimi and a bare node:http ceiling as separate processes (so the
// load generator in this process never shares their event loop), RSS sampling, percentiles.

// The server's node flags (a heap budget), as `npm start` passes them.
const SERVER_NODE_FLAGS: string[] = JSON.parse(fs.readFileSync(path.resolve("lib/server/node-flags.json"), "utf8"));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
}

export async function startAlimi(port: number, dataDir: string): Promise<ServerProcess> {
  // The production server exactly as `npm start` runs it (built by `npm run build`).
  // BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=bench/profiles".
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, path.resolve(".next/alimi/server.cjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ALERTS_ALLOW_LOOPBACK_WEBHOOKS: "1",
      ALERTS_API_RATE_LIMIT: "0",
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  if (process.env.BENCH_SERVER_LOG) child.stdout?.pipe(fs.createWriteStream(process.env.BENCH_SERVER_LOG));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/api/health`, child, () => output);
  return { url, child, stop: stopper(child) };
}

/** The machine's own ceiling: node:http answering 202 with no work at all. */
export async function startBareServer(port: number): Promise<ServerProcess> {
  const code = `require("node:http").createServer((q,s)=>{q.resume();q.on("end",()=>{s.writeHead(202,{"content-type":"application/json"});s.end('{"ok":true}')})}).listen(${port},"127.0.0.1")`;
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => "");
  return { url, child, stop: stopper(child) };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

export function sampleRss(pid: number | undefined, everyMs = 250) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `alimi-bench-${name}-`));
}

export function machine() {
  return {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model ?? "?",
    node: process.version,
  };
}

/**
 * The fake messengers in their own process: a burst of posts from this process must not delay
 * the fake's clock (it judges Slack's 1/s pace by arrival times).
 */
export async function startRemoteFake(port: number) {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve("e2e/fake-messenger/cli.ts"), "--port", String(port)], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/_fake/health`, child, () => "");
  const control = (route: string, body: unknown) =>
    fetch(`${url}/_fake/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return {
    url,
    port,
    async requests(p?: string): Promise<{ at: number; body: string; path: string }[]> {
      return (await fetch(`${url}/_fake/requests${p ? `?path=${encodeURIComponent(p)}` : ""}`)).json();
    },
    setRateLimit: (p: string, perSecond: number, burst: number) => control("rate-limit", { path: p, perSecond, burst }),
    async rateLimitedCount(p: string): Promise<number> {
      return ((await (await fetch(`${url}/_fake/rate-limit?path=${encodeURIComponent(p)}`)).json()) as { rateLimited: number }).rateLimited;
    },
    stop: stopper(child),
  };
}
