import { describe, expect, it } from "vitest";
import { groupSize } from "@/lib/delivery/digest";
import { paceRules } from "@/lib/delivery/pacing";
import type { MessengerId } from "@/lib/messengers/ids";
import { useTempDatabase } from "../test/temp-db";
import { acceptAlert } from "./alerts";
import { claimDueGroups, type GroupOutcome, nextWakeAt, queueDepth, releaseLeases, settleGroup } from "./deliveries";
import { insertDestination, resumeDestination } from "./destinations";

function destinations() {
  const base = { name: "n", channel: null, topic: null, enabled: true, allowPrivateNetwork: false };
  return [
    insertDestination({ ...base, messenger: "slack", webhookUrl: "https://hooks.slack.com/services/T1/B1/a" }),
    insertDestination({ ...base, messenger: "agit", webhookUrl: "https://agit.io/webhook/x" }),
  ];
}

const accept = (dests: { id: string; messenger: MessengerId }[], key: string | null, now = 1_000) =>
  acceptAlert({ event: "message.submitted", payload: "{}", skipped: false, apiKeyId: null, destinations: dests, idempotencyKey: key, now });

const settle = (o: Partial<GroupOutcome> & Pick<GroupOutcome, "destinationId" | "deliveryIds" | "outcome">) =>
  settleGroup({
    digestId: null,
    at: 2_000,
    httpStatus: 200,
    code: null,
    message: null,
    bodySnippet: null,
    latencyMs: 5,
    failed: [],
    paceTat: null,
    pause: null,
    failureCode: null,
    ...o,
  });

const claim = (now: number) => claimDueGroups(now, { leaseMs: 60_000, maxGroups: 10, perGroup: 500, pace: paceRules, groupSize });

describe("accepting alerts and claiming deliveries", () => {
  const db = useTempDatabase();

  it("stores the alert and one delivery per destination, and replays an idempotency key", () => {
    const dests = destinations();
    const first = accept(dests, "key:1:abc");
    expect(first.replayed).toBe(false);
    expect(first.accepted.deliveries).toHaveLength(2);
    expect(accept(dests, "key:1:abc", 2_000)).toEqual({ replayed: true, accepted: first.accepted });
    expect(db().$client.prepare("select count(*) n from alerts").get()).toEqual({ n: 1 });
    expect(accept(dests, "key:1:abc", 1_000 + 24 * 3600_000).replayed).toBe(false);
  });

  it("claims everything due for a destination at once, oldest first, and nothing twice", () => {
    const [slack] = destinations();
    for (let i = 0; i < 5; i++) accept([slack], null, 1_000 + i);
    const groups = claim(1_010);
    expect(groups).toHaveLength(1);
    expect(groups[0].deliveries.map((d) => d.createdAt)).toEqual([1_000, 1_001, 1_002, 1_003, 1_004]);
    // In flight: nothing more for that destination, even after its pace would allow it.
    accept([slack], null, 1_020);
    expect(claim(5_000)).toHaveLength(0);
    // A crash left the lease: once it expires, the work is claimable again.
    expect(claim(61_011)[0].deliveries).toHaveLength(6);
  });

  it("paces each destination on its own", () => {
    const [slack, agit] = destinations();
    accept([slack, agit], null);
    const first = claim(1_000);
    expect(first).toHaveLength(2);
    for (const g of first)
      settle({ destinationId: g.destination.id, deliveryIds: g.deliveries.map((d) => d.id), outcome: "delivered", at: 1_010 });
    accept([slack, agit], null, 1_100);
    // Slack allows one per 1.05 s; Agit has a small burst.
    expect(claim(1_100).map((g) => g.destination.messenger)).toEqual(["agit"]);
    expect(nextWakeAt(1_100, paceRules)).toBe(2_050);
    expect(claim(2_050).map((g) => g.destination.messenger)).toEqual(["slack"]);
  });

  it("wakes for a burst-paced destination when its burst allows, not when its pace debt is paid", () => {
    const [, agit] = destinations();
    // Agit: one per second with a burst of 3. Three sends in a row use the burst up…
    for (const at of [1_000, 1_010, 1_020]) {
      accept([agit], null, at);
      const [g] = claim(at);
      settle({ destinationId: agit.id, deliveryIds: g.deliveries.map((d) => d.id), outcome: "delivered", at: at + 5 });
    }
    accept([agit], null, 1_030);
    expect(claim(1_030)).toHaveLength(0);
    // …and the fourth may go one interval after the first, long before pace_tat (4 s).
    expect(nextWakeAt(1_030, paceRules)).toBe(2_000);
    expect(claim(2_000)).toHaveLength(1);
  });

  it("backs a failing destination off as a whole, pauses it, and resumes it with its backlog", () => {
    const [slack] = destinations();
    accept([slack], null);
    const [g] = claim(1_000);
    const ids = g.deliveries.map((d) => d.id);
    settle({ destinationId: slack.id, deliveryIds: ids, outcome: "retry", httpStatus: 503, paceTat: 9_000 });
    expect(queueDepth()).toBe(1);
    expect(claim(8_999)).toHaveLength(0);
    const [again] = claim(9_000);
    expect(again.deliveries[0].attempts).toBe(1);
    expect(again.destination.consecutiveFailures).toBe(1);

    settle({
      destinationId: slack.id,
      deliveryIds: ids,
      outcome: "permanent",
      httpStatus: 404,
      code: "no_service",
      at: 9_100,
      failed: ids,
      pause: { code: "no_service", reason: "HTTP 404 · no_service" },
    });
    accept([slack], null, 9_200);
    expect(claim(20_000)).toHaveLength(0);
    expect(resumeDestination(slack.id)).toBe(true);
    expect(claim(20_000)[0].deliveries).toHaveLength(1);
    const rows = db().$client.prepare("select status, attempts, last_code from deliveries order by created_at").all();
    expect(rows).toEqual([
      { status: "failed", attempts: 2, last_code: "no_service" },
      { status: "pending", attempts: 0, last_code: null },
    ]);
  });

  it("records which digest carried each alert, and releases claims on shutdown", () => {
    const [slack] = destinations();
    for (let i = 0; i < 3; i++) accept([slack], null, 1_000 + i);
    const [g] = claim(1_010);
    releaseLeases(g.deliveries.map((d) => d.id));
    const [g2] = claim(3_000);
    settle({ destinationId: slack.id, deliveryIds: g2.deliveries.map((d) => d.id), outcome: "delivered", digestId: "dg_1" });
    expect(db().$client.prepare("select distinct digest_id, status from deliveries").all()).toEqual([
      { digest_id: "dg_1", status: "delivered" },
    ]);
    expect(db().$client.prepare("select count(*) n from delivery_attempts where digest_id = 'dg_1'").get()).toEqual({ n: 3 });
  });
});
