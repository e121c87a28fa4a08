import { describe, expect, it } from "vitest";
import type { MessengerId } from "@/lib/messengers/ids";
import { useTempDatabase } from "../test/temp-db";
import { acceptAlert } from "./alerts";
import { claimDueDeliveries, nextWakeAt, queueDepth, recordAttempt } from "./deliveries";
import { insertDestination } from "./destinations";

function twoDestinations() {
  const base = { name: "n", channel: null, topic: null, enabled: true };
  return [
    insertDestination({ ...base, messenger: "slack", webhookUrl: "https://hooks.slack.com/services/T1/B1/a" }),
    insertDestination({ ...base, messenger: "agit", webhookUrl: "https://agit.io/webhook/x" }),
  ];
}

const accept = (destinations: { id: string; messenger: MessengerId }[], key: string | null, now = 1_000) =>
  acceptAlert({ event: "message.submitted", payload: "{}", skipped: false, apiKeyId: null, destinations, idempotencyKey: key, now });

describe("accepting alerts and claiming deliveries", () => {
  const db = useTempDatabase();

  it("stores the alert and one delivery per destination, and replays an idempotency key", () => {
    const dests = twoDestinations();
    const first = accept(dests, "key:1:abc");
    expect(first.replayed).toBe(false);
    expect(first.accepted.deliveries).toHaveLength(2);
    const again = accept(dests, "key:1:abc", 2_000);
    expect(again).toEqual({ replayed: true, accepted: first.accepted });
    expect(db().$client.prepare("select count(*) n from alerts").get()).toEqual({ n: 1 });
    // After 24 h the same key is a new alert.
    expect(accept(dests, "key:1:abc", 1_000 + 24 * 3600_000).replayed).toBe(false);
  });

  it("claims each due delivery once, with a lease that a crash lets expire", () => {
    accept(twoDestinations(), null);
    const claimed = claimDueDeliveries(1_000, 60_000, 10);
    expect(claimed).toHaveLength(2);
    expect(claimed[0].destination?.webhookUrl).toMatch(/^https:/);
    expect(claimDueDeliveries(1_500, 60_000, 10)).toHaveLength(0);
    // The process died holding the lease: after it expires the deliveries are claimable again.
    expect(claimDueDeliveries(61_001, 60_000, 10)).toHaveLength(2);
  });

  it("moves a delivery on by outcome and keeps every attempt", () => {
    accept(twoDestinations(), null);
    const [a, b] = claimDueDeliveries(1_000, 60_000, 10);
    const attempt = { at: 1_100, httpStatus: 500, code: null, message: null, bodySnippet: "oops", latencyMs: 12 };
    recordAttempt({ ...attempt, deliveryId: a.id, outcome: "retry", nextAttemptAt: 6_100 });
    recordAttempt({ ...attempt, deliveryId: b.id, outcome: "delivered", httpStatus: 200, nextAttemptAt: null });
    expect(queueDepth()).toBe(1);
    expect(nextWakeAt()).toBe(6_100);
    expect(claimDueDeliveries(6_000, 60_000, 10)).toHaveLength(0);
    const [retried] = claimDueDeliveries(6_100, 60_000, 10);
    expect(retried.attempts).toBe(1);
    recordAttempt({ ...attempt, deliveryId: a.id, outcome: "permanent", httpStatus: 404, code: "no_service", nextAttemptAt: null });
    expect(queueDepth()).toBe(0);
    const rows = db().$client.prepare("select status, attempts, last_code from deliveries order by status").all();
    expect(rows).toEqual([
      { status: "delivered", attempts: 1, last_code: null },
      { status: "failed", attempts: 2, last_code: "no_service" },
    ]);
    expect(db().$client.prepare("select count(*) n from delivery_attempts").get()).toEqual({ n: 3 });
  });
});
