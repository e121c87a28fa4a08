import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { enqueueSystemAlert } from "@/db/queries/alerts";
import { insertDestination, updateDestination } from "@/db/queries/destinations";
import { saveSettings } from "@/db/queries/settings";
import { useTempDatabase } from "@/db/test/temp-db";
import { ROUTE_ALL, type Routing, storedRouting } from "@/lib/destinations/routing";
import { type AcceptResult, acceptBatch, type BatchItem } from "./accept-batch";
import type { InquiryAlert } from "./types";

// The accept path with 받을 알림, on a real SQLite file with the committed migrations.

const item = (channel: InquiryAlert["session"]["channel"], team?: string, idempotencyKey: string | null = null): BatchItem => ({
  alert: {
    kind: "event",
    event: "session.waiting",
    occurredAt: 0,
    session: { id: "s_1", url: "https://chat.example.com/s/1", channel },
    customer: { name: "홍길동" },
    ...(team === undefined ? {} : { team }),
  },
  apiKeyId: null,
  idempotencyKey,
});

function destination(name: string, routing: Partial<Routing> | null) {
  return insertDestination({
    messenger: "agit",
    name,
    webhookUrl: `https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5${name.length}`,
    channel: null,
    topic: null,
    enabled: true,
    allowPrivateNetwork: false,
    routing: routing === null ? null : storedRouting({ ...ROUTE_ALL, ...routing }),
  });
}

const accepted = (r: AcceptResult | { error: unknown }) => {
  if (!("accepted" in r)) throw r.error;
  return r;
};
const deliveriesOf = (alertId: string) =>
  getDb().$client.prepare("select destination_id as d from deliveries where alert_id = ? order by d").all(alertId) as { d: string }[];
const statusOf = (alertId: string) =>
  (getDb().$client.prepare("select status from alerts where id = ?").get(alertId) as { status: string }).status;

describe("accepting alerts with 받을 알림", () => {
  useTempDatabase();

  it("creates deliveries only for destinations whose rules match, and answers exactly those", () => {
    const everyone = destination("전체", null);
    const kakaoCs = destination("카톡 cs", { channels: ["kakao"], teams: ["cs"] });
    const { results } = acceptBatch([item("kakao", "cs"), item("web", "cs"), item("kakao", "sales"), item("kakao")]);
    const [a, b, c, d] = results.map(accepted);
    expect(a.accepted.deliveries.map((x) => x.destinationId).sort()).toEqual([everyone.id, kakaoCs.id].sort());
    for (const r of [b, c, d]) expect(r.accepted.deliveries.map((x) => x.destinationId)).toEqual([everyone.id]);
    for (const r of [a, b, c, d]) {
      expect(r.accepted.status).toBe("queued");
      expect(deliveriesOf(r.accepted.alertId).map((x) => x.d)).toEqual(r.accepted.deliveries.map((x) => x.destinationId).sort());
    }
  });

  it("stores an alert no destination takes as unmatched, with no delivery", () => {
    destination("카톡 cs", { channels: ["kakao"], teams: ["cs"] });
    const [r] = acceptBatch([item("web", "cs")]).results.map(accepted);
    expect(r.accepted).toMatchObject({ status: "unmatched", deliveries: [] });
    expect(statusOf(r.accepted.alertId)).toBe("unmatched");
    expect(deliveriesOf(r.accepted.alertId)).toEqual([]);
    expect(acceptBatch([item("web", "cs")]).dueAt).toBeNull();
  });

  it("the 상담 안내 switch still comes first: skipped, not unmatched", () => {
    destination("전체", null);
    saveSettings({ notifySessionWaiting: false });
    const [r] = acceptBatch([item("kakao", "cs")]).results.map(accepted);
    expect(r.accepted).toMatchObject({ status: "skipped", deliveries: [] });
  });

  it("a replay answers the first result even after the rules changed, and stores nothing", () => {
    const kakao = destination("카톡", { channels: ["kakao"] });
    const first = accepted(acceptBatch([item("kakao", undefined, "k1")]).results[0]);
    updateDestination(kakao.id, {
      name: "카톡",
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
      routing: storedRouting({ ...ROUTE_ALL, channels: ["web"] }),
    });
    const again = accepted(acceptBatch([item("kakao", undefined, "k1")]).results[0]);
    expect(again).toEqual({ replayed: true, accepted: first.accepted });
    expect((getDb().$client.prepare("select count(*) n from deliveries").get() as { n: number }).n).toBe(1);
  });

  it("never filters 실패 알림: a system notice reaches a destination whatever its rules", () => {
    const picky = destination("까다로움", { events: ["session.assigned"], channels: ["naver"], teams: ["vip"] });
    enqueueSystemAlert({ event: "system.destination_paused", payload: "{}", destinationId: picky.id, messenger: "agit", now: Date.now() });
    expect((getDb().$client.prepare("select count(*) n from deliveries where destination_id = ?").get(picky.id) as { n: number }).n).toBe(
      1,
    );
  });
});
