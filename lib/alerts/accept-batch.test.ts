import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { newId } from "@/db/queries/alerts";
import { claimDueGroups } from "@/db/queries/deliveries";
import { insertDestination } from "@/db/queries/destinations";
import { useTempDatabase } from "@/db/test/temp-db";
import { groupSize } from "@/lib/delivery/digest";
import { paceRules } from "@/lib/delivery/pacing";
import { acceptBatch, type BatchItem } from "./accept-batch";

const item = (n: number, message = "배송 문의드립니다"): BatchItem => ({
  alert: {
    kind: "event",
    event: "message.submitted",
    occurredAt: 0,
    session: { id: `s_${n}`, url: `https://chat.example.com/s/${n}`, channel: "web" },
    customer: { name: "홍길동" },
    message,
  },
  apiKeyId: null,
  idempotencyKey: null,
});

function mattermost() {
  return insertDestination({
    messenger: "mattermost",
    name: "m",
    webhookUrl: "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz",
    channel: null,
    topic: null,
    enabled: true,
    allowPrivateNetwork: false,
  });
}

describe("accepting a batch of alerts", () => {
  useTempDatabase();

  it("makes ids that sort in the order they were made, even within one millisecond", () => {
    const ids = Array.from({ length: 5_000 }, () => newId("dlv"));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("queues one batch in acceptance order, though its alerts share one created_at", () => {
    const destination = mattermost();
    const { results } = acceptBatch(Array.from({ length: 50 }, (_, n) => item(n)));
    expect(results.every((r) => "accepted" in r)).toBe(true);
    const [group] = claimDueGroups(Date.now() + 1_000, { leaseMs: 60_000, maxGroups: 10, perGroup: 500, pace: paceRules, groupSize });
    expect(group.destination.id).toBe(destination.id);
    const sessions = group.deliveries.map((d) => (JSON.parse(d.payload!) as { session: { id: string } }).session.id);
    expect(sessions).toEqual(Array.from({ length: 50 }, (_, n) => `s_${n}`));
  });

  it("stores all of a batch or, when the disk is full, none of it and says so", () => {
    mattermost();
    const sqlite = getDb().$client;
    const pages = (sqlite.pragma("page_count", { simple: true }) as number) + 8;
    sqlite.pragma(`max_page_count = ${pages}`);
    const big = "문의 ".repeat(2_000);
    let outcome: ReturnType<typeof acceptBatch> | undefined;
    let failure: unknown;
    try {
      outcome = acceptBatch(Array.from({ length: 40 }, (_, n) => item(n, big)));
    } catch (error) {
      failure = error;
    }
    const stored = (sqlite.prepare("select count(*) n from alerts").get() as { n: number }).n;
    // Whatever SQLite did, every alert is either stored and answered, or refused and not stored.
    const answered = outcome ? outcome.results.filter((r) => "accepted" in r).length : 0;
    expect(stored).toBe(answered);
    expect(failure !== undefined || outcome!.results.some((r) => "error" in r)).toBe(true);
  });
});
