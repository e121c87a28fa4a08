import { describe, expect, it } from "vitest";
import { useTempDatabase } from "../test/temp-db";
import { insertDestination } from "./destinations";
import { alertsByEvent, failureReasons, notifyLatency, type OverviewWindow, outcomesByDestination, SQL } from "./overview";

// Known history, written row by row, and the exact aggregates the 개요 page must show. Twice:
// with 1-second buckets inside one hour (every count read from the rows at the window's edges)
// and the same history stretched to 1-hour buckets on whole hours (every count read from the
// triggers' hourly counters). Times to notify are not stretched.
const base = { channel: null, topic: null, enabled: true, allowPrivateNetwork: false };
const HOUR = 3_600_000;

/** p50/p95 come from 5 %-wide histogram bins: within one bin of the exact nearest rank. */
function withinBin(exact: number) {
  return expect.toSatisfy((ms: number) => Math.abs(ms - exact) <= exact * 0.05);
}

describe.each([
  { name: "1-second buckets, read from the rows", scale: 1, from: 1_000_000 },
  { name: "1-hour buckets, read from the hourly counters", scale: 3_600, from: 1_000 * HOUR },
])("개요 aggregates, $name", ({ scale, from }) => {
  const db = useTempDatabase();
  const W: OverviewWindow = { from, bucketMs: 1_000 * scale, buckets: 3 };
  const at = (offset: number) => W.from + offset * scale;

  function seed() {
    const slack = insertDestination({
      ...base,
      name: "CS 슬랙",
      messenger: "slack",
      webhookUrl: "https://hooks.slack.com/services/T1/B1/a",
    });
    const agit = insertDestination({ ...base, name: "CS 아지트", messenger: "agit", webhookUrl: "https://agit.io/webhook/x" });
    const c = db().$client;
    const alert = c.prepare(`insert into alerts (id, event, payload, status, created_at) values (?, ?, '{}', ?, ?)`);
    let n = 0;
    const delivery = (
      alertId: string,
      dest: { id: string; messenger: string },
      status: string,
      createdAt: number,
      more: { attempts?: number; deliveredAt?: number; code?: string; httpStatus?: number } = {},
    ) =>
      c
        .prepare(
          `insert into deliveries (id, alert_id, destination_id, messenger, status, attempts, next_attempt_at, delivered_at, last_code, last_status, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `dlv_${++n}`,
          alertId,
          dest.id,
          dest.messenger,
          status,
          more.attempts ?? 0,
          createdAt,
          more.deliveredAt ?? null,
          more.code ?? null,
          more.httpStatus ?? null,
          createdAt,
        );
    alert.run("alr_old", "message.submitted", "queued", at(-1)); // before the window: never counted
    alert.run("alr_a", "message.submitted", "queued", at(10));
    alert.run("alr_b", "message.submitted", "queued", at(900));
    alert.run("alr_skip", "session.waiting", "skipped", at(500));
    alert.run("alr_c", "session.assigned", "queued", at(2_999));
    alert.run("alr_after", "session.assigned", "queued", at(3_000)); // after the window
    delivery("alr_old", slack, "delivered", at(-1), { attempts: 1, deliveredAt: at(-1) + 6 });
    // Slack, bucket 0: 20 deliveries taking 10, 20, …, 200 ms.
    for (let i = 1; i <= 20; i++) delivery("alr_a", slack, "delivered", at(10), { attempts: 1, deliveredAt: at(10) + i * 10 });
    delivery("alr_a", slack, "failed", at(10), { attempts: 1, code: "channel_not_found", httpStatus: 404 });
    delivery("alr_b", slack, "pending", at(900), { attempts: 2 });
    delivery("alr_b", slack, "pending", at(900));
    // Agit: one delivered in bucket 2 after 7 ms; two waiting while it is paused; a bare 404.
    delivery("alr_c", agit, "delivered", at(2_999), { attempts: 1, deliveredAt: at(2_999) + 7 });
    delivery("alr_b", agit, "pending", at(900), { attempts: 3 });
    delivery("alr_b", agit, "pending", at(900));
    delivery("alr_a", agit, "failed", at(10), { attempts: 1, httpStatus: 404 });
    c.prepare(`update destinations set paused_at = ?, pause_code = 'http_404' where id = ?`).run(at(20), agit.id);
    // A destination deleted since: its failed delivery still counts.
    delivery("alr_a", { id: "dst_gone", messenger: "mattermost" }, "failed", at(10), { attempts: 1, code: "destination_deleted" });
    c.prepare(`update destinations set consecutive_failures = 1 where id = ?`).run(slack.id);
    return { slack, agit };
  }

  it("counts alerts per bucket and event, skipped ones apart, only inside the window", () => {
    seed();
    expect(alertsByEvent(W)).toEqual([
      { bucket: 0, event: "message.submitted", alerts: 2, skipped: 0 },
      { bucket: 0, event: "session.waiting", alerts: 1, skipped: 1 },
      { bucket: 2, event: "session.assigned", alerts: 1, skipped: 0 },
    ]);
  });

  it("splits each destination's deliveries by outcome, holds a paused one's, and tells its health", () => {
    const { slack, agit } = seed();
    expect(outcomesByDestination(W)).toEqual([
      {
        destinationId: slack.id,
        name: "CS 슬랙",
        messenger: "slack",
        delivered: 20,
        failed: 1,
        retrying: 1,
        waiting: 1,
        held: 0,
        health: "failing",
      },
      {
        destinationId: agit.id,
        name: "CS 아지트",
        messenger: "agit",
        delivered: 1,
        failed: 1,
        retrying: 0,
        waiting: 0,
        held: 2,
        health: "paused",
      },
      {
        destinationId: "dst_gone",
        name: null,
        messenger: "mattermost",
        delivered: 0,
        failed: 1,
        retrying: 0,
        waiting: 0,
        held: 0,
        health: "deleted",
      },
    ]);
  });

  it("gives nearest-rank p50 and p95 of the time to notify per bucket and messenger, within one 5 % bin", () => {
    seed();
    // Exact nearest ranks: slack 100 and 190 ms (10th and 19th of 20), agit 7 ms.
    expect(notifyLatency(W)).toEqual([
      { bucket: 0, messenger: "slack", count: 20, p50: withinBin(100), p95: withinBin(190) },
      { bucket: 2, messenger: "agit", count: 1, p50: 7, p95: 7 },
    ]);
    // With the older 6 ms delivery, 21 values: p50 is the 11th (⌈10.5⌉), p95 the 20th (⌈19.95⌉).
    // This window starts off the hour and spans two buckets' time: rows and counters together.
    expect(notifyLatency({ from: at(-1), bucketMs: 2 * W.bucketMs, buckets: 1 }).find((r) => r.messenger === "slack")).toEqual({
      bucket: 0,
      messenger: "slack",
      count: 21,
      p50: withinBin(100),
      p95: withinBin(190),
    });
  });

  it("groups failures by messenger and reason", () => {
    seed();
    expect(failureReasons(W)).toEqual([
      { messenger: "agit", code: "http_404", count: 1 },
      { messenger: "mattermost", code: "destination_deleted", count: 1 },
      { messenger: "slack", code: "channel_not_found", count: 1 },
    ]);
  });

  it("reads the period through indexes, never a whole table", () => {
    const plans = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [
        name,
        (
          db().$client.prepare(`explain query plan ${sql}`).all({ from: 0, lo: 0, hi: 1, bucketMs: 1, buckets: 1 }) as { detail: string }[]
        ).map((r) => r.detail),
      ]),
    );
    for (const [name, details] of Object.entries(plans)) {
      expect(
        details.filter((d) => /^SCAN (alerts|deliveries)\b(?! USING)/.test(d)),
        name,
      ).toEqual([]);
    }
    expect(plans.alertsByEvent.join("\n")).toMatch(/alerts_event_created_idx \(event=\? AND created_at>\? AND created_at<\?\)/);
    expect(plans.outcomeHours.join("\n")).toMatch(/delivery_outcome_stats USING INDEX \S+ \(hour_start>\? AND hour_start<\?\)/);
    expect(plans.latencyHours.join("\n")).toMatch(/delivery_latency_stats USING INDEX \S+ \(hour_start>\? AND hour_start<\?\)/);
    for (const edge of [plans.outcomeRows, plans.latencyRows]) {
      expect(edge.join("\n")).toMatch(/deliveries_queue_idx \(destination_id=\? AND status=\? AND created_at>\? AND created_at<\?\)/);
    }
  });
});
