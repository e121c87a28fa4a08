import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeMessenger, startFakeMessenger } from "./server";

let fake: FakeMessenger;
beforeAll(async () => {
  fake = await startFakeMessenger({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const SLACK = "/services/T01/B01/secret";
const post = (path: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${fake.url}${path}`, { method: "POST", body, headers, redirect: "manual" });

describe("fake messenger server", () => {
  it("answers each messenger's success exactly as the spec says and records the request", async () => {
    const slack = await post(SLACK, JSON.stringify({ text: "hi" }));
    expect([slack.status, await slack.text()]).toEqual([200, "ok"]);
    const mm = await post("/hooks/abcdefghijklmnopqrstuvwxyz", JSON.stringify({ text: "hi" }));
    expect([mm.status, await mm.text()]).toEqual([200, "ok"]);
    const jandi = await post("/connect-api/webhook/123/tok", JSON.stringify({ body: "hi" }), {
      "content-type": "application/json",
      accept: "application/vnd.tosslab.jandi-v2+json",
    });
    expect(jandi.status).toBe(200);
    const agit = await post("/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", JSON.stringify({ text: "hi" }));
    expect(await agit.json()).toMatchObject({ id: expect.any(Number) });
    const teamroom = await post("/api/webhook/0a1b2c3d/tok", "content=%ED%95%9C+%25", {
      "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
    });
    expect(teamroom.status).toBe(200);
    expect(fake.requests("/api/webhook/0a1b2c3d/tok")[0].parsed).toEqual({ content: "한 %" });
    expect(fake.requests()).toHaveLength(5);
  });

  it("refuses what the real services refuse", async () => {
    expect(await (await post(SLACK, "{not json")).text()).toBe("invalid_payload");
    expect(await (await post(SLACK, "{}")).text()).toBe("no_text");
    const vnd = await post("/connect-api/webhook/1/t", JSON.stringify({ body: "x" }), {
      "content-type": "application/vnd.tosslab.jandi-v2+json",
      accept: "application/vnd.tosslab.jandi-v2+json",
    });
    expect(vnd.status).toBe(400);
    const noBody = await post("/connect-api/webhook/1/t", "{}", {
      "content-type": "application/json",
      accept: "application/vnd.tosslab.jandi-v2+json",
    });
    expect(await noBody.json()).toEqual({ code: 40052, msg: "Invalid payload - body" });
    expect((await post("/not/a/webhook", "{}")).status).toBe(404);
  });

  it("plays a script in order, then a sticky mode, then success", async () => {
    fake.script(SLACK, [{ status: 500 }, "slack.no_service"]);
    const body = JSON.stringify({ text: "x" });
    expect((await post(SLACK, body)).status).toBe(500);
    const revoked = await post(SLACK, body);
    expect([revoked.status, await revoked.text()]).toEqual([404, "no_service"]);
    expect((await post(SLACK, body)).status).toBe(200);
    fake.setMode(SLACK, "mattermost.channel_locked");
    const locked = await post(SLACK, body);
    expect(locked.status).toBe(403);
    expect((await locked.json()).id).toBe("web.incoming_webhook.channel_locked.app_error");
  });

  it("can rate-limit, redirect, delay and drop", async () => {
    fake.script(SLACK, [{ rateLimited: { retryAfter: "3" } }, { redirect: "http://elsewhere.example/" }, { delayMs: 150 }, { drop: true }]);
    const body = JSON.stringify({ text: "x" });
    const limited = await post(SLACK, body);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "3"]);
    expect((await post(SLACK, body)).status).toBe(302);
    const started = Date.now();
    expect((await post(SLACK, body)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await expect(post(SLACK, body)).rejects.toThrow();
  });

  it("enforces a per-webhook pace and counts the 429s", async () => {
    fake.setRateLimit(SLACK, { perSecond: 1, burst: 1 });
    const body = JSON.stringify({ text: "x" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(SLACK, body)).status);
    expect(statuses).toEqual([200, 429, 429]);
    expect(fake.rateLimitedCount(SLACK)).toBe(2);
  });

  it("is driven over HTTP by other processes", async () => {
    await fetch(`${fake.url}/_fake/script`, { method: "POST", body: JSON.stringify({ path: SLACK, behaviours: [{ status: 503 }] }) });
    expect((await post(SLACK, JSON.stringify({ text: "x" }))).status).toBe(503);
    const list = await (await fetch(`${fake.url}/_fake/requests?path=${encodeURIComponent(SLACK)}`)).json();
    expect(list).toHaveLength(1);
    await fetch(`${fake.url}/_fake/reset`, { method: "POST" });
    expect(fake.requests()).toHaveLength(0);
  });
});
