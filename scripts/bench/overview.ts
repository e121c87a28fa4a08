import fs from "node:fs";
import path from "node:path";
import { PERIODS, periodWindow } from "@/components/overview/period";
import { openDatabase, setDbForTests } from "@/db/client";
import { alertsByEvent, failureReasons, notifyLatency, outcomesByDestination } from "@/db/queries/overview";
import { fillOverviewHistory } from "./overview-fill";
import { tempDir } from "./support";

// The 개요 page's aggregates on a month of history: each query's median time over a few runs,
// for each period, through the same functions the page calls (same connection settings too).

const QUERIES = { alertsByEvent, outcomesByDestination, notifyLatency, failureReasons };
type QueryName = keyof typeof QUERIES;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function overviewPhase(deliveries: number, runs: number) {
  const dir = tempDir("overview");
  const db = openDatabase(path.join(dir, "alimi.db"));
  setDbForTests(db);
  try {
    const now = Date.now();
    const started = performance.now();
    const filled = fillOverviewHistory(db.$client, deliveries, now);
    const fillMs = Math.round(performance.now() - started);
    const byPeriod = {} as Record<(typeof PERIODS)[number], Record<QueryName, number> & { total: number }>;
    for (const period of PERIODS) {
      const window = periodWindow(period, now, "Asia/Seoul");
      const times = {} as Record<QueryName, number>;
      for (const [name, query] of Object.entries(QUERIES) as [QueryName, (typeof QUERIES)[QueryName]][]) {
        query(window); // warm: prepare the statement, pull the index pages into the cache
        times[name] = round(median(Array.from({ length: runs }, () => timed(() => query(window)))));
      }
      byPeriod[period] = { ...times, total: round(Object.values(times).reduce((a, b) => a + b, 0)) };
    }
    return { ...filled, fillMs, runs, byPeriod };
  } finally {
    db.$client.close();
    setDbForTests(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function timed(work: () => unknown): number {
  const t = performance.now();
  work();
  return performance.now() - t;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
