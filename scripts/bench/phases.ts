import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openDatabase, setDbForTests } from "@/db/client";
import { insertDestination } from "@/db/queries/destinations";
import { saveSettings } from "@/db/queries/settings";
import { EXAMPLE_PATHS } from "@/e2e/fake-messenger/paths";
import { createApiKey } from "@/lib/api-keys";
import type { MessengerId } from "@/lib/messengers/ids";
import type { WebhookMessengerId } from "@/lib/messengers/types";
import { percentile, rssMb, sampleRss, startAlimi, startBareServer, startRemoteFake, tempDir } from "./support";

// The measurements of `npm run bench`. Each phase gets a fresh database and server, so one
// phase's backlog never colours the next.

/** One webhook path per webhook messenger on the fake (its own examples); 이메일 goes through SMTP. */
export const PATHS: Record<WebhookMessengerId, string> = EXAMPLE_PATHS;

const PORT = 3300;
const FAKE_PORT = 4300;

function alertBody(n: number | string, event: "message.submitted" | "session.assigned" = "message.submitted") {
  return JSON.stringify({
    event,
    session: { id: `bench_${n}_`, url: `https://chat.example.com/ws/sessions/bench_${n}_`, channel: "web" },
    customer: { name: "홍길동", email: "hong@example.com" },
    message: "배송 문의드립니다. 주문번호 20261123-0001 확인 부탁드립니다.",
    ...(event === "session.assigned" ? { agent: { name: "김상담" } } : {}),
  });
}

/** A database with the given destinations and one API key, written through our own db code. */
function seed(dataDir: string, destinations: { messenger: MessengerId; url: string }[]): string {
  const db = openDatabase(path.join(dataDir, "alimi.db"));
  setDbForTests(db);
  try {
    // 상담 안내: 상담원 배정 off, so the peer phase can warm the server up with alerts that are
    // stored (as skipped) but sent nowhere.
    saveSettings({ notifySessionAssigned: false });
    for (const d of destinations) {
      insertDestination({
        messenger: d.messenger,
        name: `bench ${d.messenger}`,
        webhookUrl: d.url,
        channel: null,
        topic: null,
        enabled: true,
        allowPrivateNetwork: false,
      });
    }
    return createApiKey("bench").key;
  } finally {
    db.$client.close();
    setDbForTests(undefined);
  }
}

function deliveryCounts(dataDir: string): { delivered: number; total: number } {
  const db = new Database(path.join(dataDir, "alimi.db"), { readonly: true });
  try {
    return db.prepare("select count(*) total, coalesce(sum(status = 'delivered'), 0) delivered from deliveries").get() as {
      delivered: number;
      total: number;
    };
  } finally {
    db.close();
  }
}

async function post(url: string, key: string, body: string) {
  const res = await fetch(`${url}/api/v1/alerts`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 202) throw new Error(`dispatch answered ${res.status}`);
}

/**
 * `count` alerts over `concurrency` keep-alive connections, as a chat system would send them.
 * node:http rather than fetch: fetch's own overhead capped this client near 1,100 requests/s,
 * which would have measured the client, not Alimi.
 */
async function postMany(url: string, key: string, count: number, concurrency: number, tag: string, event?: "session.assigned") {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`${url}/api/v1/alerts`);
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          agent,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 202 ? resolve() : reject(new Error(`dispatch answered ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) await send(alertBody(`${tag}${next++}`, event));
      }),
    );
  } finally {
    agent.destroy();
  }
}

async function until(check: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

export interface LoadResult {
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(url: string, connections: number, seconds: number, headers: Record<string, string>, body: string): Promise<LoadResult> {
  const result = await autocannon({ url, method: "POST", connections, duration: seconds, headers, body });
  const l = result.latency;
  return {
    connections,
    rps: Math.round(result.requests.average),
    p50: l.p50,
    // autocannon reports p97.5 rather than p95; it is the closer, stricter neighbour.
    p95: l.p97_5,
    p99: l.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * The accept run keeps the six messengers of the earlier runs (six deliveries per alert), so its
 * figures stay comparable from run to run; the notify phase covers every webhook messenger.
 */
const ACCEPT_MESSENGERS: WebhookMessengerId[] = ["slack", "mattermost", "jandi", "hiworks", "agit", "teamroom"];

export async function acceptPhase(levels: number[], seconds: number) {
  const fake = await startRemoteFake(FAKE_PORT);
  const dataDir = tempDir("accept");
  const key = seed(
    dataDir,
    ACCEPT_MESSENGERS.map((m) => ({ messenger: m, url: `${fake.url}${PATHS[m]}` })),
  );
  const server = await startAlimi(PORT, dataDir);
  await new Promise((r) => setTimeout(r, 2_000));
  const idleRss = rssMb(server.child.pid);
  const rss = sampleRss(server.child.pid);
  const alimi: LoadResult[] = [];
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  for (const c of levels) alimi.push(await load(`${server.url}/api/v1/alerts`, c, seconds, headers, alertBody("load")));
  const peakRss = rss.stop();
  await server.stop();
  const db = new Database(path.join(dataDir, "alimi.db"));
  db.pragma("wal_checkpoint(TRUNCATE)");
  const alerts = (db.prepare("select count(*) n from alerts").get() as { n: number }).n;
  db.close();
  const bytes = fs.statSync(path.join(dataDir, "alimi.db")).size;
  await fake.stop();

  const bare = await startBareServer(PORT + 1);
  const ceiling: LoadResult[] = [];
  for (const c of levels) ceiling.push(await load(bare.url, c, seconds, headers, alertBody("load")));
  await bare.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { alimi, ceiling, idleRss, peakRss, alerts, mbPer10k: alerts ? Math.round(((bytes / alerts) * 10_000) / 1e5) / 10 : 0 };
}

export async function notifyPhase(seconds: number, everyMs: number) {
  const fake = await startRemoteFake(FAKE_PORT);
  const dataDir = tempDir("notify");
  const key = seed(
    dataDir,
    (Object.keys(PATHS) as WebhookMessengerId[]).map((m) => ({ messenger: m, url: `${fake.url}${PATHS[m]}` })),
  );
  const server = await startAlimi(PORT + 2, dataDir);
  const sentAt = new Map<string, number>();
  const count = Math.max(1, Math.floor((seconds * 1000) / everyMs));
  for (let i = 0; i < count; i++) {
    const started = Date.now();
    await post(server.url, key, alertBody(`n${i}`));
    sentAt.set(`bench_n${i}_`, Date.now());
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
  }
  await until(() => deliveryCounts(dataDir).delivered === count * Object.keys(PATHS).length, 10_000);
  const perMessenger: Record<string, { p50: number; p95: number; p99: number; n: number }> = {};
  for (const m of Object.keys(PATHS) as WebhookMessengerId[]) {
    const latencies: number[] = [];
    for (const r of await fake.requests(PATHS[m])) {
      const tag = /bench_n\d+_/.exec(r.body)?.[0];
      const at = tag ? sentAt.get(tag) : undefined;
      // The worker is woken before the 202 is written, so a send can even beat the answer.
      if (at !== undefined) latencies.push(Math.max(0, r.at - at));
    }
    perMessenger[m] = {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      n: latencies.length,
    };
  }
  await server.stop();
  await fake.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { count, perMessenger };
}

export async function burstPhase(count: number) {
  const fake = await startRemoteFake(FAKE_PORT);
  await fake.setRateLimit(PATHS.slack, 1, 1);
  const dataDir = tempDir("burst");
  const key = seed(dataDir, [{ messenger: "slack", url: `${fake.url}${PATHS.slack}` }]);
  const server = await startAlimi(PORT + 3, dataDir);
  const started = Date.now();
  await postMany(server.url, key, count, 20, "b");
  const acceptedMs = Date.now() - started;
  const done = await until(() => deliveryCounts(dataDir).delivered === count, 30_000);
  const visibleMs = Date.now() - started;
  const result = {
    count,
    acceptedMs,
    visibleMs: done ? visibleMs : null,
    requests: (await fake.requests(PATHS.slack)).length,
    rateLimited: await fake.rateLimitedCount(PATHS.slack),
  };
  await server.stop();
  await fake.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return result;
}

/** The same alerts to the same fake receivers: Alimi end to end, then Apprise as a library. */
export async function peerPhase(count: number) {
  const fake = await startRemoteFake(FAKE_PORT);
  const second = "/hooks/benchpeerbenchpeerbenchpee"; // 26 characters, like a real hook id
  const dataDir = tempDir("peer");
  const key = seed(dataDir, [
    { messenger: "mattermost", url: `${fake.url}${PATHS.mattermost}` },
    { messenger: "mattermost", url: `${fake.url}${second}` },
  ]);
  const server = await startAlimi(PORT + 4, dataDir);
  // A service runs warm: the same alerts' path, JIT-compiled, before the clock starts (an event
  // switched off in 상담 안내, so nothing is delivered and the destinations' pace is untouched).
  await postMany(server.url, key, 2_000, 16, "warm", "session.assigned");
  const started = Date.now();
  // The chat system's side: 16 concurrent keep-alive requests. (Not autocannon here: it
  // reports only on its one-second tick, which would swamp a run this short.)
  await postMany(server.url, key, count, 16, "p");
  const acceptedMs = Date.now() - started;
  await until(() => deliveryCounts(dataDir).delivered === count * 2, 60_000, 5);
  const alimiMs = Date.now() - started;
  const messages = (await fake.requests(PATHS.mattermost)).length + (await fake.requests(second)).length;
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  let apprise: { ms: number; received: number } | null = null;
  const python = "/usr/bin/python3";
  try {
    execFileSync(python, ["-c", "import apprise"], { stdio: "ignore" });
    const before = (await fake.requests()).length;
    const out = execFileSync(python, [path.resolve("scripts/bench/apprise_peer.py"), String(fake.port), String(count)], {
      encoding: "utf8",
      timeout: 600_000,
    });
    apprise = { ms: Number(/elapsed_ms=(\d+)/.exec(out)?.[1] ?? NaN), received: (await fake.requests()).length - before };
  } catch (error) {
    console.warn(
      `  Apprise not measured (${error instanceof Error ? error.message.split("\n")[0] : error}); install it with: apt-get install -y apprise`,
    );
  }
  await fake.stop();
  return {
    count,
    // Alimi folds what a destination's pace cannot take one by one into digests: `messages`.
    alimi: { ms: alimiMs, acceptedMs, perSecond: Math.round((count / alimiMs) * 1000), messages },
    apprise: apprise && { ...apprise, perSecond: Math.round((count / apprise.ms) * 1000) },
  };
}
