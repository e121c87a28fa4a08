import { beforeAll, describe, expect, it } from "vitest";
import { saveSettings } from "@/db/queries/settings";
import { useTempDatabase } from "@/db/test/temp-db";
import { createApiKey } from "@/lib/api-keys";
import { deliveryWorker } from "@/lib/delivery/worker";
import { dispatchAlert } from "./dispatch";
import { dryRunSchema } from "./response-schemas";
import { addDestination, call, SECRET_URLS } from "./test-support";

// `dryRun: true` on POST /api/v1/alerts, through the same dispatchAlert() both transports call,
// on a real SQLite file: the answer says where the alert would go, and nothing is stored.

const ALERT = {
  event: "session.waiting",
  session: { id: "s_1", url: "https://chat.example.com/s/1", channel: "kakao" },
  customer: { name: "홍길동" },
  team: "cs",
  dryRun: true,
};

describe("dispatch with dryRun: true", () => {
  const db = useTempDatabase();
  beforeAll(() => deliveryWorker().shutdown());

  const counts = () =>
    db()
      .$client.prepare(
        "select (select count(*) from alerts) a, (select count(*) from deliveries) d, (select count(*) from idempotency_keys) i",
      )
      .get();
  const send = async (body: unknown, extra: Record<string, string> = {}) => {
    const key = createApiKey("chat").key;
    const { headers, readBody } = call(body, { "content-type": "application/json", authorization: `Bearer ${key}`, ...extra });
    const answer = await dispatchAlert(headers, readBody);
    return { status: answer.status, json: JSON.parse(answer.body) };
  };

  it("200 with the destinations whose 받을 알림 take it, sendsAt now, and nothing stored", async () => {
    const everyone = addDestination("전체", SECRET_URLS[0], null);
    const kakaoCs = addDestination("카톡 cs", SECRET_URLS[1], { channels: ["kakao"], teams: ["cs"] });
    addDestination("웹만", SECRET_URLS[2], { channels: ["web"] });
    const before = counts();
    const started = Date.now();
    const res = await send(ALERT, { "idempotency-key": "dry-1" });
    expect(res.status).toBe(200);
    expect(dryRunSchema.parse(res.json)).toEqual(res.json);
    expect(res.json).toMatchObject({ dryRun: true, status: "queued" });
    expect(res.json.reason).toBeUndefined();
    expect(res.json.destinations).toEqual([
      { destinationId: everyone.id, name: "전체", messenger: "slack", paused: false, sendsAt: res.json.evaluatedAt },
      { destinationId: kakaoCs.id, name: "카톡 cs", messenger: "agit", paused: false, sendsAt: res.json.evaluatedAt },
    ]);
    expect(Date.parse(res.json.evaluatedAt)).toBeGreaterThanOrEqual(started - 1);
    expect(counts()).toEqual(before);
    // The same Idempotency-Key later dispatches for real: the dry run left no record to replay.
    const real = await send({ ...ALERT, dryRun: false }, { "idempotency-key": "dry-1" });
    expect(real.status).toBe(202);
    expect(real.json.deliveries).toHaveLength(2);
  });

  it("a switched-off 상담 안내 event: 200, no destination, and the reason", async () => {
    addDestination("전체", SECRET_URLS[0], null);
    saveSettings({ notifySessionWaiting: false });
    const before = counts();
    const res = await send(ALERT);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "skipped", destinations: [], reason: { code: "event_switched_off" } });
    expect(counts()).toEqual(before);
  });

  it("no destination's rules match: unmatched with the reason; none enabled: no_destinations", async () => {
    expect((await send(ALERT)).json).toMatchObject({ status: "queued", destinations: [], reason: { code: "no_destinations" } });
    addDestination("웹만", SECRET_URLS[1], { channels: ["web"] });
    const res = await send(ALERT);
    expect(res.json).toMatchObject({ status: "unmatched", destinations: [], reason: { code: "no_matching_rules" } });
    expect(counts()).toMatchObject({ a: 0, d: 0 });
  });

  it("the same validation and envelope as a real dispatch", async () => {
    const res = await send({ ...ALERT, customer: {}, dryRun: "yes" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["customer.name", "dryRun"]);
    const { headers, readBody } = call(ALERT, { "content-type": "application/json" });
    expect((await dispatchAlert(headers, readBody)).status).toBe(401);
  });
});
