import { beforeAll, describe, expect, it } from "vitest";
import { insertDestination } from "@/db/queries/destinations";
import { useTempDatabase } from "@/db/test/temp-db";
import { createApiKey } from "@/lib/api-keys";
import { deliveryWorker } from "@/lib/delivery/worker";
import { POST } from "./route";

// The Next route handler for POST /api/v1/alerts (the one `next dev` serves), called with real
// Request objects against a real SQLite file and a key made by the real code.

const ALERT = {
  event: "message.submitted",
  session: { id: "s_1", url: "HTTPS://Chat.Example.com/ws/sessions/s_1?tab=a b", channel: "web" },
  customer: { name: "홍길동", email: "hong@example.com" },
  message: "배송 문의드립니다",
};

function request(body: BodyInit | null, headers: Record<string, string> = {}, method = "POST") {
  return new Request("http://localhost/api/v1/alerts", { method, body, headers, duplex: "half" } as RequestInit);
}

async function answer(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), json: await response.json() };
}

describe("POST /api/v1/alerts (route handler)", () => {
  const db = useTempDatabase();
  let key = "";
  let destinationId = "";
  const json = { "content-type": "application/json" };

  // Deliveries stay pending: this test is about the API, not about sending to Slack.
  beforeAll(() => deliveryWorker().shutdown());

  const setUp = () => {
    key = createApiKey("chat").key;
    destinationId = insertDestination({
      messenger: "slack",
      name: "CS",
      webhookUrl: "https://hooks.slack.com/services/T1/B1/secret",
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    }).id;
  };

  it("202: stores the alert with one delivery per destination, the link normalised", async () => {
    setUp();
    const res = await answer(await POST(request(JSON.stringify(ALERT), { ...json, authorization: `Bearer ${key}` })));
    expect(res.status).toBe(202);
    expect(res.json).toEqual({
      alertId: expect.any(String),
      status: "queued",
      deliveries: [{ id: expect.any(String), destinationId, messenger: "slack", status: "pending" }],
    });
    const stored = db().$client.prepare("select payload from alerts where id = ?").get(res.json.alertId) as { payload: string };
    expect(JSON.parse(stored.payload).session.url).toBe("https://chat.example.com/ws/sessions/s_1?tab=a%20b");
  });

  it("401 without a valid key", async () => {
    setUp();
    for (const headers of [json, { ...json, authorization: "Bearer alm_live_nope" }]) {
      const res = await POST(request(JSON.stringify(ALERT), headers));
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="alimi"');
      expect(await answer(res)).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    }
  });

  it("413 for a body over 64 KiB, declared or not", async () => {
    setUp();
    const big = JSON.stringify({ ...ALERT, message: "가".repeat(30_000) });
    const auth = { ...json, authorization: `Bearer ${key}` };
    expect(await answer(await POST(request(big, auth)))).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    expect(await answer(await POST(request("{}", { ...auth, "content-length": "70000" })))).toMatchObject({ status: 413 });
  });

  it("415 for anything but JSON", async () => {
    setUp();
    const res = await answer(await POST(request(JSON.stringify(ALERT), { "content-type": "text/plain", authorization: `Bearer ${key}` })));
    expect(res).toMatchObject({ status: 415, type: "application/json", json: { error: { code: "unsupported_media_type" } } });
  });

  it("400 invalid_json for a body that is not JSON, or that never arrives whole", async () => {
    setUp();
    const auth = { ...json, authorization: `Bearer ${key}` };
    expect(await answer(await POST(request('{"event":', auth)))).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"event"'));
        controller.error(new Error("client went away"));
      },
    });
    expect(await answer(await POST(request(broken, auth)))).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
  });

  it("422 listing every problem, and nothing stored", async () => {
    setUp();
    const body = {
      ...ALERT,
      event: "message.submitted",
      message: "",
      session: { id: "s", url: "https://chat.example.com@evil.example/s" },
      customer: { name: "" },
    };
    const res = await answer(await POST(request(JSON.stringify(body), { ...json, authorization: `Bearer ${key}` })));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["customer.name", "message", "session.url"]);
    expect(db().$client.prepare("select count(*) as n from alerts").get()).toEqual({ n: 0 });
  });
});
