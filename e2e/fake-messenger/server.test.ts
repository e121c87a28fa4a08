import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NAMED_ERRORS } from "./answers";
import { EXAMPLE_PATHS, type FakeMessenger, startFakeMessenger } from "./server";

let fake: FakeMessenger;
beforeAll(async () => {
  fake = await startFakeMessenger({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const P = EXAMPLE_PATHS;
const JSON_TYPE = { "content-type": "application/json" };
const JANDI_HEADERS = { ...JSON_TYPE, accept: "application/vnd.tosslab.jandi-v2+json" };
const FORM_TYPE = { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" };
const SLACK_OK = JSON.stringify({ text: "새 문의" });

const post = (path: string, body: string, headers: Record<string, string> = JSON_TYPE) =>
  fetch(`${fake.url}${path}`, { method: "POST", body, headers, redirect: "manual" });
const answer = async (res: Response) => [res.status, await res.text()] as const;
const control = (route: string, body: unknown) =>
  fetch(`${fake.url}/_fake/${route}`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) });

describe("default answers", () => {
  it("answers each messenger's success as the spec says", async () => {
    const slack = await post(P.slack, SLACK_OK);
    expect(await answer(slack)).toEqual([200, "ok"]);
    expect(slack.headers.get("content-type")).toMatch(/^text\/plain/);
    const mm = await post(P.mattermost, JSON.stringify({ text: "hi" }));
    expect(await answer(mm)).toEqual([200, "ok"]);
    expect(mm.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await answer(await post("/mattermost/sub/hooks/abcdefghijklmnopqrstuvwxyz", JSON.stringify({ text: "hi" })))).toEqual([
      200,
      "ok",
    ]);
    expect(await answer(await post(P.jandi, JSON.stringify({ body: "hi", connectColor: "#FAC11B" }), JANDI_HEADERS))).toEqual([200, "{}"]);
    expect((await post(P.hiworks, JSON.stringify({ text: "hi" }))).status).toBe(200);
    const agit = await post(P.agit, JSON.stringify({ text: "hi" }));
    expect([agit.status, await agit.json()]).toEqual([200, { id: expect.any(Number) }]);
    expect((await post(P.teamroom, "content=hi", FORM_TYPE)).status).toBe(200);
  });

  it("records method, path, lower-case headers, the raw body and the parsed body", async () => {
    const form = new URLSearchParams({ content: "홍길동 100% a+b & c" }).toString();
    await post(P.teamroom, form, { ...FORM_TYPE, "User-Agent": "Alimi/0.1.0" });
    await post(P.slack, SLACK_OK);
    const [teamroom] = fake.requests(P.teamroom);
    expect(teamroom).toMatchObject({
      messenger: "teamroom",
      method: "POST",
      path: P.teamroom,
      body: form,
      parsed: { content: "홍길동 100% a+b & c" },
      answered: 200,
    });
    expect(teamroom.headers["user-agent"]).toBe("Alimi/0.1.0");
    expect(fake.requests(P.slack)[0].parsed).toEqual({ text: "새 문의" });
    expect(fake.requests()).toHaveLength(2);
    // The full URL given to Alimi works as a key too.
    expect(fake.requests(`${fake.url}${P.slack}`)).toHaveLength(1);
  });

  it("answers 404 to unknown paths and 405 to other methods", async () => {
    expect((await post("/not/a/webhook", "{}")).status).toBe(404);
    expect((await post("/hooks/tooshort", "{}")).status).toBe(404);
    const get = await fetch(`${fake.url}${P.slack}`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });
});

describe("the services' own checks", () => {
  it("Slack: invalid JSON, no text, blocks over the limits", async () => {
    expect(await answer(await post(P.slack, "{not json"))).toEqual([400, "invalid_payload"]);
    expect(await answer(await post(P.slack, JSON.stringify({ blocks: [] })))).toEqual([400, "no_text"]);
    expect((await post(P.slack, JSON.stringify({ blocks: [{ type: "section", text: { type: "plain_text", text: "x" } }] }))).status).toBe(
      200,
    );
    const header = { type: "header", text: { type: "plain_text", text: "x".repeat(151) } };
    expect(await answer(await post(P.slack, JSON.stringify({ text: "t", blocks: [header] })))).toEqual([400, "invalid_blocks"]);
    const many = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(await answer(await post(P.slack, JSON.stringify({ text: "t", blocks: many })))).toEqual([400, "invalid_blocks"]);
  });

  it("Mattermost: invalid JSON and no text answer its AppError JSON", async () => {
    const bad = await post(P.mattermost, "{not json");
    expect([bad.status, await bad.json()]).toEqual([
      400,
      expect.objectContaining({ id: "web.incoming_webhook.parse.app_error", message: expect.any(String), status_code: 400 }),
    ]);
    expect((await (await post(P.mattermost, "{}")).json()).id).toBe("web.incoming_webhook.text.app_error");
  });

  it("Jandi: wrong Content-Type, missing Accept, missing body, bad color", async () => {
    const vnd = await post(P.jandi, JSON.stringify({ body: "x" }), { "content-type": JANDI_HEADERS.accept, accept: JANDI_HEADERS.accept });
    expect([vnd.status, await vnd.json()]).toEqual([400, { code: 40052, msg: "Invalid payload - body" }]);
    const noAccept = await post(P.jandi, JSON.stringify({ body: "x" }));
    expect([noAccept.status, (await noAccept.json()).code]).toEqual([400, 40000]);
    const noBody = await post(P.jandi, JSON.stringify({ connectInfo: [] }), JANDI_HEADERS);
    expect([noBody.status, await noBody.json()]).toEqual([400, { code: 40052, msg: "Invalid payload - body" }]);
    const color = await post(P.jandi, JSON.stringify({ body: "x", connectColor: "red" }), JANDI_HEADERS);
    expect((await color.json()).code).toBe(40000);
  });

  it("Teamroom needs a content form field; Hiworks and Agit need text", async () => {
    expect((await post(P.teamroom, "message=hi", FORM_TYPE)).status).toBe(400);
    expect((await post(P.teamroom, JSON.stringify({ content: "hi" }))).status).toBe(400);
    expect((await post(P.hiworks, "{}")).status).toBe(400);
    expect((await post(P.agit, JSON.stringify({ txt: "x" }))).status).toBe(400);
  });
});

describe("named errors", () => {
  const expected: [string, number, string | Record<string, unknown>][] = [
    ["slack.invalid_payload", 400, "invalid_payload"],
    ["slack.no_text", 400, "no_text"],
    ["slack.too_many_attachments", 400, "too_many_attachments"],
    ["slack.invalid_blocks", 400, "invalid_blocks"],
    ["slack.action_prohibited", 403, "action_prohibited"],
    ["slack.invalid_token", 403, "invalid_token"],
    ["slack.channel_not_found", 404, "channel_not_found"],
    ["slack.no_service", 404, "no_service"],
    ["slack.no_active_hooks", 404, "no_active_hooks"],
    ["slack.no_team", 404, "no_team"],
    ["slack.channel_is_archived", 410, "channel_is_archived"],
    ["slack.rate_limited", 429, "rate_limited"],
    ["mattermost.invalid_webhook", 400, { id: "web.incoming_webhook.invalid.app_error", status_code: 400 }],
    ["mattermost.parse", 400, { id: "web.incoming_webhook.parse.app_error", status_code: 400 }],
    ["mattermost.text", 400, { id: "web.incoming_webhook.text.app_error", status_code: 400 }],
    ["mattermost.channel_locked", 403, { id: "web.incoming_webhook.channel_locked.app_error", status_code: 403 }],
    ["mattermost.permissions", 403, { id: "web.incoming_webhook.permissions.app_error", status_code: 403 }],
    ["mattermost.unknown_channel", 404, { id: "web.incoming_webhook.channel.app_error", status_code: 404 }],
    ["mattermost.disabled", 501, { id: "web.incoming_webhook.disabled.app_error", status_code: 501 }],
    ["jandi.bad_token", 400, { code: 40051 }],
    ["jandi.invalid_payload", 400, { code: 40052, msg: "Invalid payload - body" }],
    ["jandi.invalid_value", 400, { code: 40000 }],
    ["jandi.incomplete_url", 403, {}],
    ["jandi.rate_limited", 429, { code: 42900 }],
  ];

  it("covers every named error of the first six (cards.test.ts covers the others)", () => {
    const firstSix = Object.keys(NAMED_ERRORS).filter((name) => !/^(teams|googlechat|discord|dooray)\./.test(name));
    expect(expected.map(([name]) => name).sort()).toEqual(firstSix.sort());
  });

  it.each(expected)("%s answers %i with its body", async (name, status, body) => {
    fake.script(P.slack, [name as keyof typeof NAMED_ERRORS]);
    const res = await post(P.slack, SLACK_OK);
    expect(res.status).toBe(status);
    if (typeof body === "string") expect(await res.text()).toBe(body);
    else
      expect(await res.json()).toMatchObject({
        ...body,
        ...(name.startsWith("jandi") ? { msg: expect.any(String) } : { message: expect.any(String) }),
      });
  });

  it("Slack's rate limit carries Retry-After", async () => {
    fake.script(P.slack, ["slack.rate_limited"]);
    expect((await post(P.slack, SLACK_OK)).headers.get("retry-after")).toBe("1");
  });
});

describe("scripting", () => {
  it("plays a script in order, then the sticky mode, then success", async () => {
    fake.script(P.slack, [{ status: 500 }, { status: 503, body: "down" }, "slack.no_service"]);
    await fetch(`${fake.url}${P.slack}`); // a GET does not use up a scripted answer
    expect((await post(P.slack, SLACK_OK)).status).toBe(500);
    expect(await answer(await post(P.slack, SLACK_OK))).toEqual([503, "down"]);
    expect(await answer(await post(P.slack, SLACK_OK))).toEqual([404, "no_service"]);
    expect(await answer(await post(P.slack, SLACK_OK))).toEqual([200, "ok"]);
    fake.setMode(P.slack, { status: 502, body: { error: "bad gateway" } });
    fake.script(P.slack, ["slack.invalid_token"]);
    expect((await post(P.slack, SLACK_OK)).status).toBe(403);
    for (let i = 0; i < 2; i++) {
      const res = await post(P.slack, SLACK_OK);
      expect([res.status, res.headers.get("content-type"), await res.json()]).toEqual([
        502,
        expect.stringMatching(/json/),
        { error: "bad gateway" },
      ]);
    }
    fake.setMode(P.slack, null);
    expect((await post(P.slack, SLACK_OK)).status).toBe(200);
    expect(fake.requests(P.slack).map((r) => r.answered)).toEqual([405, 500, 503, 404, 200, 403, 502, 502, 200]);
  });

  it("keeps webhooks apart", async () => {
    fake.setMode(P.slack, { status: 500 });
    expect((await post(P.agit, JSON.stringify({ text: "x" }))).status).toBe(200);
  });

  it("refuses behaviours it does not know, so a typo fails the test that made it", () => {
    expect(() => fake.script(P.slack, ["slack.no_such_thing" as never])).toThrow(/unknown behaviour/);
    expect(() => fake.setMode(P.slack, { delay: 100 } as never)).toThrow(/unexpected key/);
    expect(() => fake.setMode(P.slack, { status: 42 })).toThrow(/status/);
  });

  it("rate-limits with Retry-After and redirects without following", async () => {
    fake.script(P.slack, [{ rateLimited: { retryAfter: "3" } }, { rateLimited: {} }, { redirect: "http://elsewhere.example/" }]);
    const limited = await post(P.slack, SLACK_OK);
    expect([limited.status, limited.headers.get("retry-after"), await limited.text()]).toEqual([429, "3", "rate_limited"]);
    expect((await post(P.slack, SLACK_OK)).headers.get("retry-after")).toBeNull();
    const moved = await post(P.slack, SLACK_OK);
    expect([moved.status, moved.headers.get("location")]).toEqual([302, "http://elsewhere.example/"]);
  });

  it("answers late when told to, and notices a client that gave up", async () => {
    fake.script(P.slack, [{ delayMs: 200 }, { delayMs: 200, status: 500 }, { delayMs: 5_000 }]);
    let started = Date.now();
    expect((await post(P.slack, SLACK_OK)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    started = Date.now();
    expect((await post(P.slack, SLACK_OK)).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    // Like Alimi's 10 s timeout, scaled down: the client aborts, the fake records it.
    await expect(
      fetch(`${fake.url}${P.slack}`, { method: "POST", body: SLACK_OK, headers: JSON_TYPE, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    await expect.poll(() => fake.requests(P.slack)[2]?.answered).toBe("aborted");
  });

  it("drops the connection without answering", async () => {
    fake.script(P.mattermost, [{ drop: true }]);
    await expect(post(P.mattermost, JSON.stringify({ text: "x" }))).rejects.toThrow();
    expect(fake.requests(P.mattermost)[0].answered).toBe("dropped");
    expect((await post(P.mattermost, JSON.stringify({ text: "x" }))).status).toBe(200);
  });
});

describe("pacing", () => {
  it("answers 429 with Retry-After: 1 above the pace, and counts them", async () => {
    // 2/s leaves 500 ms of slack for three quick posts even on a busy machine.
    fake.setRateLimit(P.slack, { perSecond: 2, burst: 2 });
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await post(P.slack, SLACK_OK));
    expect(first.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(first[2].headers.get("retry-after")).toBe("1");
    expect(fake.rateLimitedCount(P.slack)).toBe(1);
    await new Promise((r) => setTimeout(r, 550)); // one token back at 2/s
    expect((await post(P.slack, SLACK_OK)).status).toBe(200);
    fake.setRateLimit(P.slack, null);
    for (let i = 0; i < 3; i++) expect((await post(P.slack, SLACK_OK)).status).toBe(200);
    expect(fake.rateLimitedCount(P.slack)).toBe(1);
  });

  it("does not spend a scripted behaviour on a paced-out request", async () => {
    fake.setRateLimit(P.agit, { perSecond: 1, burst: 1 });
    await post(P.agit, JSON.stringify({ text: "x" }));
    fake.script(P.agit, [{ status: 500 }]);
    expect((await post(P.agit, JSON.stringify({ text: "x" }))).status).toBe(429);
    fake.setRateLimit(P.agit, null);
    expect((await post(P.agit, JSON.stringify({ text: "x" }))).status).toBe(500);
  });
});

describe("waiting and the control API", () => {
  it("waits for requests, and says how many came when it gives up", async () => {
    const waiting = fake.waitForRequests(P.slack, 2, 1_000);
    await post(P.slack, SLACK_OK);
    await post(P.slack, SLACK_OK);
    expect((await waiting).map((r) => r.answered)).toEqual([200, 200]);
    await expect(fake.waitForRequests(P.slack, 3, 50)).rejects.toThrow(/got 2/);
  });

  it("is driven over HTTP by other processes", async () => {
    expect(await (await fetch(`${fake.url}/_fake/health`)).json()).toMatchObject({ ok: true });
    expect((await control("script", { path: P.slack, behaviours: [{ status: 503 }, "slack.no_team"] })).status).toBe(200);
    expect((await control("mode", { path: P.agit, behaviour: "mattermost.disabled" })).status).toBe(200);
    expect((await post(P.slack, SLACK_OK)).status).toBe(503);
    expect(await answer(await post(P.slack, SLACK_OK))).toEqual([404, "no_team"]);
    expect((await post(P.agit, JSON.stringify({ text: "x" }))).status).toBe(501);
    await control("mode", { path: P.agit, behaviour: null });
    expect((await post(P.agit, JSON.stringify({ text: "x" }))).status).toBe(200);

    const slackList = await (await fetch(`${fake.url}/_fake/requests?path=${encodeURIComponent(P.slack)}`)).json();
    expect(slackList.map((r: { answered: number }) => r.answered)).toEqual([503, 404]);
    expect(await (await fetch(`${fake.url}/_fake/requests`)).json()).toHaveLength(4);
    const waited = await fetch(`${fake.url}/_fake/wait?path=${encodeURIComponent(P.slack)}&count=2&timeoutMs=100`);
    expect([waited.status, (await waited.json()).length]).toEqual([200, 2]);
    expect((await fetch(`${fake.url}/_fake/wait?path=${encodeURIComponent(P.slack)}&count=3&timeoutMs=50`)).status).toBe(408);

    await control("rate-limit", { path: P.jandi, perSecond: 1, burst: 1 });
    for (let i = 0; i < 2; i++) await post(P.jandi, JSON.stringify({ body: "x" }), JANDI_HEADERS);
    expect(await (await fetch(`${fake.url}/_fake/rate-limit?path=${encodeURIComponent(P.jandi)}`)).json()).toEqual({ rateLimited: 1 });
    expect(await (await control("rate-limit", { path: P.jandi, off: true })).json()).toEqual({ ok: true, rateLimited: 1 });
    expect((await post(P.jandi, JSON.stringify({ body: "x" }), JANDI_HEADERS)).status).toBe(200);

    await control("reset", {});
    expect(fake.requests()).toHaveLength(0);
    expect(fake.rateLimitedCount(P.jandi)).toBe(0);
  });

  it("answers 400 to bad control input and 404 to unknown routes", async () => {
    expect((await control("script", { path: P.slack, behaviours: ["nope"] })).status).toBe(400);
    expect((await control("script", { behaviours: [] })).status).toBe(400);
    expect((await control("mode", { path: P.slack })).status).toBe(400);
    expect((await control("rate-limit", { path: P.slack, perSecond: 0 })).status).toBe(400);
    expect((await fetch(`${fake.url}/_fake/script`, { method: "POST", body: "{oops" })).status).toBe(400);
    expect((await fetch(`${fake.url}/_fake/nothing`)).status).toBe(404);
  });
});

describe("lifecycle", () => {
  it("closes promptly even with a slow answer pending", async () => {
    const other = await startFakeMessenger();
    other.setMode(P.slack, { delayMs: 15_000 });
    const pending = fetch(`${other.url}${P.slack}`, { method: "POST", body: SLACK_OK, headers: JSON_TYPE }).catch(() => "failed");
    await other.waitForRequests(P.slack, 1);
    const started = Date.now();
    await other.close();
    expect(await pending).toBe("failed");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(other.requests(P.slack)[0].answered).toBe("aborted");
  });
});
