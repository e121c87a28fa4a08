import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Housekeeping } from "@/lib/delivery/housekeeping";
import { useTempDatabase } from "../test/temp-db";
import { acceptAlert } from "./alerts";
import { type GroupOutcome, settleGroup } from "./deliveries";
import { requeueDelivery } from "./delivery-log";
import { deleteDestination, discardPendingDeliveries, insertDestination, setDestinationEnabled } from "./destinations";
import { outcomesByDestination } from "./overview";
import { binValue, HOUR_MS, percentileOf, splitByHours } from "./overview-stats";

// 개요's hourly counters are kept by triggers on deliveries. After every step of a delivery's
// life — accepted, delivered, retried, failed, requeued, discarded, its destination switched
// off or deleted, pruned — they must equal a count over the rows, computed here in plain JS.

const DAY = 86_400_000;
const NOW = 100 * DAY;
const base = { channel: null, topic: null, enabled: true, allowPrivateNetwork: false };

describe("개요 counters", () => {
  const db = useTempDatabase();
  const all = <T>(sql: string) => db().$client.prepare(sql).all() as T[];

  /** What the counters must hold, from the rows. */
  function truth() {
    const rows = all<{
      destination_id: string;
      messenger: string;
      status: string;
      attempts: number;
      last_code: string | null;
      last_status: number | null;
      delivered_at: number | null;
      created_at: number;
    }>(`select * from deliveries`);
    const outcomes = new Map<string, number>();
    const latency = new Map<string, number>();
    // Only settled deliveries are counted; pending ones are read live by the overview.
    for (const r of rows.filter((row) => row.status !== "pending")) {
      const hour = r.created_at - (r.created_at % HOUR_MS);
      const outcome = r.status;
      const code = r.status === "failed" ? (r.last_code ?? (r.last_status !== null ? `http_${r.last_status}` : "network")) : "";
      const key = [hour, r.destination_id, r.messenger, outcome, code].join("|");
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (r.status === "delivered" && r.delivered_at !== null) {
        const ms = r.delivered_at - r.created_at;
        const bin = ms < 1 ? 0 : 1 + Math.floor(Math.log(ms) / Math.log(1.05));
        const k = [hour, r.messenger, bin].join("|");
        latency.set(k, (latency.get(k) ?? 0) + 1);
      }
    }
    return { outcomes: sorted(outcomes), latency: sorted(latency) };
  }

  /** What the counters hold (zero counts are rows whose deliveries all moved on). */
  function counters() {
    const outcomes = new Map<string, number>();
    for (const r of all<{ hour_start: number; destination_id: string; messenger: string; outcome: string; code: string; count: number }>(
      `select * from delivery_outcome_stats`,
    )) {
      if (r.count !== 0) outcomes.set([r.hour_start, r.destination_id, r.messenger, r.outcome, r.code].join("|"), r.count);
    }
    const latency = new Map<string, number>();
    for (const r of all<{ hour_start: number; messenger: string; bins: string }>(`select * from delivery_latency_stats`)) {
      for (const [bin, n] of Object.entries(JSON.parse(r.bins) as Record<string, number>)) {
        if (n !== 0) latency.set([r.hour_start, r.messenger, bin].join("|"), n);
      }
    }
    return { outcomes: sorted(outcomes), latency: sorted(latency) };
  }

  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

  function settle(ids: string[], outcome: GroupOutcome["outcome"], at: number, more: Partial<GroupOutcome> = {}) {
    const destinationId = db().$client.prepare(`select destination_id as id from deliveries where id = ?`).get(ids[0]) as { id: string };
    settleGroup({
      destinationId: destinationId.id,
      deliveryIds: ids,
      digestId: null,
      at,
      outcome,
      httpStatus: outcome === "delivered" ? 200 : 503,
      code: null,
      message: null,
      bodySnippet: null,
      latencyMs: 5,
      failed: [],
      paceTat: null,
      pause: null,
      failureCode: null,
      ...more,
    });
  }

  it("equal a count over the deliveries after each step of their life", () => {
    const slack = insertDestination({ ...base, name: "slack", messenger: "slack", webhookUrl: "https://hooks.slack.com/services/T1/B1/a" });
    const agit = insertDestination({ ...base, name: "agit", messenger: "agit", webhookUrl: "https://agit.io/webhook/x" });
    const jandi = insertDestination({
      ...base,
      name: "jandi",
      messenger: "jandi",
      webhookUrl: "https://wh.jandi.com/connect-api/webhook/1/a",
    });
    const check = () => expect(counters()).toEqual(truth());
    const accept = (now: number) =>
      acceptAlert({
        event: "message.submitted",
        payload: "{}",
        skipped: false,
        apiKeyId: null,
        destinations: [slack, agit, jandi],
        idempotencyKey: null,
        now,
      }).accepted.deliveries.map((d) => d.id);

    const old = accept(NOW - 31 * DAY); // pruned at the end
    // Pruned at NOW + DAY + 30 min (cutoff NOW − 29 days + 30 min): the first of these goes, the
    // second stays in the same hour, so that hour's counters must lose exactly one.
    const cut = accept(NOW - 29 * DAY + 10 * 60_000);
    const kept = accept(NOW - 29 * DAY + 40 * 60_000);
    const early = accept(NOW - 2 * HOUR_MS - 1);
    const [s1, a1, j1] = accept(NOW - HOUR_MS + 17);
    const [s2, a2] = accept(NOW);
    check();
    settle([old[0], early[0], s1, s2], "delivered", NOW + 1_234);
    settle([cut[0], kept[0]], "delivered", NOW - 29 * DAY + 45 * 60_000);
    settle([early[1]], "delivered", NOW - 2 * HOUR_MS - 1); // in no time at all: bin 0
    check();
    settle([a1, a2], "retry", NOW + 5_000, { httpStatus: 503 });
    settle([a1], "permanent", NOW + 9_000, { httpStatus: 404, failed: [a1], code: null });
    settle([j1], "permanent", NOW + 9_000, { failed: [j1], code: "invalid_token" });
    check();
    expect(requeueDelivery(a1, NOW + 10_000)).toBe("ok");
    check();
    settle([a1], "delivered", NOW + 20_000);
    check();
    expect(discardPendingDeliveries(agit.id)).toBe(4); // a2 and the three older ones
    setDestinationEnabled(jandi.id, false); // j2 and the old and early ones fail
    deleteDestination(slack.id); // nothing left pending there
    check();
    new Housekeeping(() => 30).runIfDue(NOW + DAY + 30 * 60_000);
    expect(all(`select id from deliveries where id in ('${[...old, ...cut].join("','")}')`)).toEqual([]);
    expect(all(`select id from deliveries where id in ('${kept.join("','")}')`)).toHaveLength(3);
    check();
    expect(all(`select hour_start from delivery_outcome_stats where hour_start < ${NOW - 29 * DAY}`)).toEqual([]);
    // And the page reads them: the pruned alert no longer counts, the deleted destination's do.
    const rows = outcomesByDestination({ from: NOW - 3 * HOUR_MS, bucketMs: HOUR_MS, buckets: 4 });
    expect(rows.find((r) => r.destinationId === slack.id)).toMatchObject({ name: null, delivered: 3, health: "deleted" });
    expect(rows.find((r) => r.destinationId === agit.id)).toMatchObject({ delivered: 2, failed: 1, retrying: 0, waiting: 0 });
    expect(rows.find((r) => r.destinationId === jandi.id)).toMatchObject({ failed: 3, health: "off" });
  });

  it("backfills from the deliveries an existing database already holds", () => {
    // The migration's INSERT … SELECT ran on an empty table here; run it again as it is written
    // on rows stored with the triggers dropped, and compare.
    const slack = insertDestination({ ...base, name: "slack", messenger: "slack", webhookUrl: "https://hooks.slack.com/services/T1/B1/a" });
    const c = db().$client;
    const triggers = c.prepare(`select sql from sqlite_master where type = 'trigger' and name like 'deliveries_stats_%'`).all() as {
      sql: string;
    }[];
    for (const name of ["insert", "update", "delete"]) c.exec(`drop trigger deliveries_stats_${name}`);
    const ids = Array.from(
      { length: 40 },
      (_, i) =>
        acceptAlert({
          event: "message.submitted",
          payload: "{}",
          skipped: false,
          apiKeyId: null,
          destinations: [slack],
          idempotencyKey: null,
          now: NOW + i * 600_000,
        }).accepted.deliveries[0].id,
    );
    for (const [i, id] of ids.entries()) if (i % 4 !== 3) settle([id], "delivered", NOW + i * 600_000 + 3 + i * 37);
    const migration = fs.readFileSync("db/migrations/0010_overview_rollups.sql", "utf8");
    for (const statement of migration.split("--> statement-breakpoint").filter((s) => /^\s*(--[^\n]*\n)*\s*INSERT/i.test(s)))
      c.exec(statement);
    for (const t of triggers) c.exec(t.sql);
    expect(counters()).toEqual(truth());
  });
});

describe("reading the histograms", () => {
  it("gives each bin's middle, exact for small whole milliseconds and within 5 % above", () => {
    for (let ms = 1; ms < 20; ms++) expect(binValue(1 + Math.floor(Math.log(ms) / Math.log(1.05)))).toBe(ms);
    for (const ms of [100, 190, 1_234, 65_000]) {
      expect(Math.abs(binValue(1 + Math.floor(Math.log(ms) / Math.log(1.05))) - ms)).toBeLessThanOrEqual(ms * 0.05);
    }
  });

  it("walks the cumulative counts to the nearest rank", () => {
    const bins: number[] = [];
    bins[10] = 5;
    bins[20] = 4;
    bins[30] = 1;
    expect(percentileOf(bins, 10, 50)).toBe(binValue(10)); // rank 5
    expect(percentileOf(bins, 10, 60)).toBe(binValue(20)); // rank 6
    expect(percentileOf(bins, 10, 95)).toBe(binValue(30)); // rank 10
  });

  it("splits a window into whole hours and the edges left over", () => {
    expect(splitByHours(HOUR_MS + 5, 4 * HOUR_MS - 5)).toEqual({
      hours: [2 * HOUR_MS, 3 * HOUR_MS],
      edges: [
        [HOUR_MS + 5, 2 * HOUR_MS],
        [3 * HOUR_MS, 4 * HOUR_MS - 5],
      ],
    });
    expect(splitByHours(HOUR_MS, 3 * HOUR_MS)).toEqual({ hours: [HOUR_MS, 3 * HOUR_MS], edges: [] });
    expect(splitByHours(HOUR_MS + 5, 2 * HOUR_MS - 5)).toEqual({ hours: null, edges: [[HOUR_MS + 5, 2 * HOUR_MS - 5]] });
  });
});
