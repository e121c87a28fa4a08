import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NAMED_ERRORS } from "./answers";
import { EXAMPLE_PATHS, type FakeMessenger, messengersMatching, startFakeMessenger } from "./server";

// Teams, Google Chat, Discord and Dooray! on the fake, over real sockets: the URL shapes (path and
// query), each service's success, its own checks and its failure modes, as docs/messengers.md says.

let fake: FakeMessenger;
beforeAll(async () => {
  fake = await startFakeMessenger({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const P = EXAMPLE_PATHS;
const post = (pathAndQuery: string, value: unknown) =>
  fetch(`${fake.url}${pathAndQuery}`, {
    method: "POST",
    body: typeof value === "string" ? value : JSON.stringify(value),
    headers: { "content-type": "application/json" },
  });
const withQuery = (path: string, change: (q: URLSearchParams) => void) => {
  const url = new URL(`http://x${path}`);
  change(url.searchParams);
  return `${url.pathname}?${url.searchParams}`;
};

const CARD = {
  type: "message",
  attachments: [
    {
      contentType: "application/vnd.microsoft.card.adaptive",
      contentUrl: null,
      content: {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: "1.4",
        body: [{ type: "TextBlock", text: "새 문의", wrap: true }],
        actions: [{ type: "Action.OpenUrl", title: "대화 열기", url: "https://example.com/c/1" }],
      },
    },
  ],
};
const CHAT = {
  text: "새 문의",
  cardsV2: [
    { cardId: "inquiry", card: { header: { title: "새 문의" }, sections: [{ widgets: [{ textParagraph: { text: "안녕하세요" } }] }] } },
  ],
  thread: { threadKey: "session-1" },
};
const EMBED = {
  allowed_mentions: { parse: [] },
  embeds: [{ title: "새 문의", fields: [{ name: "고객", value: "홍길동", inline: true }] }],
};
const DOORAY = {
  botName: "알리미",
  text: "새 문의",
  attachments: [{ title: "홍길동", titleLink: "https://example.com/c/1", text: "안녕하세요", color: "#4A90E2" }],
};

describe("URL shapes", () => {
  it("gives every example to exactly one messenger, Slack and Dooray included", () => {
    for (const [kind, example] of Object.entries(P)) expect([kind, messengersMatching(example.split("?")[0])]).toEqual([kind, [kind]]);
  });

  it("serves both Teams hosts' paths and Discord's versioned path; refuses look-alikes with 404", async () => {
    const pp = withQuery(`/powerautomate/automations/direct${P.teams}`, () => {});
    expect((await post(pp, CARD)).status).toBe(202);
    expect((await post(P.discord.replace("/api/", "/api/v10/"), EMBED)).status).toBe(204);
    for (const bad of [
      P.teams.replace("/manual/", "/other/"),
      P.teams.replace("0123456789abcdef", "0123"),
      "/v1/spaces/AAA/messages/extra?key=k&token=t",
      "/api/webhooks/123/short",
      "/services/123/456",
      "/services/T123/456/abc",
    ])
      expect([bad, (await post(bad, {})).status]).toEqual([bad, 404]);
  });
});

describe("Microsoft Teams (Workflows)", () => {
  it("answers 202 with an empty body, and records what the flow run would make of the card", async () => {
    const ok = await post(P.teams, CARD);
    expect([ok.status, await ok.text()]).toEqual([202, ""]);
    expect((await post(P.teams, { type: "message", text: "plain" })).status).toBe(202);
    const [good, bad] = fake.requests(P.teams);
    expect(good).toMatchObject({ messenger: "teams", deferredFailure: null, query: expect.stringContaining("sig=") });
    expect(bad.deferredFailure).toMatch(/attachments/);
  });

  it("checks the signature and the api-version in the query", async () => {
    const noSig = await post(
      withQuery(P.teams, (q) => q.delete("sig")),
      CARD,
    );
    expect([noSig.status, (await noSig.json()).error.code]).toEqual([401, "DirectApiAuthorizationRequired"]);
    const noVersion = await post(
      withQuery(P.teams, (q) => q.delete("api-version")),
      CARD,
    );
    expect([noVersion.status, (await noVersion.json()).error.code]).toEqual([400, "MissingApiVersionParameter"]);
    expect((await post(P.teams, "{not json")).status).toBe(400);
  });

  it("plays its revoked, throttled and failing answers", async () => {
    fake.script(P.teams, ["teams.flow_off", "teams.bad_signature", "teams.not_found", { rateLimited: { retryAfter: 7 } }, { status: 502 }]);
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const res = await post(P.teams, CARD);
      codes.push([res.status, (await res.json()).error.code, res.headers.get("retry-after")]);
    }
    expect(codes).toEqual([
      [400, "WorkflowTriggerIsNotEnabled", null],
      [401, "DirectApiInvalidAuthorizationSignature", null],
      [404, "WorkflowNotFound", null],
      [429, "TooManyRequests", "7"],
    ]);
    expect((await post(P.teams, CARD)).status).toBe(502);
  });
});

describe("Google Chat", () => {
  const threaded = withQuery(P.googlechat, (q) => q.set("messageReplyOption", "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD"));

  it("answers 200 with the message; one threadKey keeps one thread only with a reply option", async () => {
    const first = await (await post(threaded, CHAT)).json();
    const second = await (await post(threaded, CHAT)).json();
    const other = await (await post(threaded, { ...CHAT, thread: { threadKey: "session-2" } })).json();
    const unthreaded = await (await post(P.googlechat, CHAT)).json();
    expect(first).toMatchObject({
      name: expect.stringMatching(/^spaces\/AAAAdemo123\/messages\//),
      sender: { type: "BOT" },
      thread: { threadKey: "session-1" },
    });
    expect(second.thread.name).toBe(first.thread.name);
    expect(other.thread.name).not.toBe(first.thread.name);
    expect(unthreaded.thread.name).not.toBe(first.thread.name);
    expect(fake.requests(P.googlechat)[0].query).toContain("messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
  });

  it("checks key, token, reply option and body, in Google's error shape", async () => {
    const cases: [string, unknown, number, string][] = [
      [withQuery(P.googlechat, (q) => q.delete("key")), CHAT, 403, "PERMISSION_DENIED"],
      [withQuery(P.googlechat, (q) => q.delete("token")), CHAT, 403, "PERMISSION_DENIED"],
      [withQuery(P.googlechat, (q) => q.set("messageReplyOption", "REPLY")), CHAT, 400, "INVALID_ARGUMENT"],
      [P.googlechat, "{oops", 400, "INVALID_ARGUMENT"],
      [P.googlechat, { thread: { threadKey: "x" } }, 400, "INVALID_ARGUMENT"],
      [P.googlechat, { text: "x".repeat(33_000) }, 400, "INVALID_ARGUMENT"],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await post(path, body);
      expect([path, res.status, (await res.json()).error]).toEqual([
        path,
        status,
        { code: status, status: code, message: expect.any(String) },
      ]);
    }
  });

  it("rate-limits per space with RESOURCE_EXHAUSTED", async () => {
    fake.setRateLimit(P.googlechat, { perSecond: 1, burst: 1 });
    expect((await post(P.googlechat, CHAT)).status).toBe(200);
    const limited = await post(P.googlechat, CHAT);
    expect([limited.status, (await limited.json()).error.status]).toEqual([429, "RESOURCE_EXHAUSTED"]);
    fake.script(P.googlechat, ["googlechat.bad_key"]);
    fake.setRateLimit(P.googlechat, null);
    expect((await (await post(P.googlechat, CHAT)).json()).error.details[0].reason).toBe("API_KEY_INVALID");
  });
});

describe("Discord", () => {
  it("answers 204 without wait and 200 with the message with ?wait=true, with rate-limit headers", async () => {
    const quiet = await post(P.discord, EMBED);
    expect([quiet.status, await quiet.text(), quiet.headers.get("x-ratelimit-limit")]).toEqual([204, "", "5"]);
    const waited = await post(`${P.discord}?wait=true`, { ...EMBED, content: "@everyone 새 문의" });
    expect(waited.status).toBe(200);
    expect(await waited.json()).toMatchObject({ id: expect.any(String), webhook_id: "123456789012345678", mention_everyone: false });
    const loud = await post(`${P.discord}?wait=true`, { content: "@everyone" });
    expect((await loud.json()).mention_everyone).toBe(true); // no allowed_mentions: Discord would ping
  });

  it("refuses empty messages and anything over its limits with its own codes", async () => {
    const empty = await post(P.discord, { allowed_mentions: { parse: [] } });
    expect([empty.status, await empty.json()]).toEqual([400, { code: 50006, message: "Cannot send an empty message" }]);
    const long = { embeds: [{ title: "t".repeat(257), fields: [{ name: "n", value: "v".repeat(1025) }] }] };
    const res = await post(P.discord, long);
    const json = await res.json();
    expect([res.status, json.code, Object.keys(json.errors.embeds[0]).sort()]).toEqual([400, 50035, ["fields", "title"]]);
    const tooBig = {
      embeds: [
        {
          description: "d".repeat(4000),
          fields: [
            { name: "n", value: "v".repeat(1000) },
            { name: "n", value: "v".repeat(1001) },
          ],
        },
      ],
    };
    expect((await (await post(P.discord, tooBig)).json()).errors.embeds._errors[0].code).toBe("MAX_EMBED_SIZE_EXCEEDED");
    expect((await (await post(P.discord, { content: "x".repeat(2001) })).json()).errors.content).toBeDefined();
  });

  it("answers 429 with retry_after in seconds and X-RateLimit-* headers, and Unknown Webhook when revoked", async () => {
    fake.script(P.discord, [{ rateLimited: { retryAfter: 0.75 } }, "discord.unknown_webhook", "discord.invalid_token"]);
    const limited = await post(P.discord, EMBED);
    expect([limited.status, await limited.json()]).toEqual([
      429,
      { message: "You are being rate limited.", retry_after: 0.75, global: false },
    ]);
    expect([
      limited.headers.get("retry-after"),
      limited.headers.get("x-ratelimit-reset-after"),
      limited.headers.get("x-ratelimit-remaining"),
    ]).toEqual(["1", "0.750", "0"]);
    const gone = await post(P.discord, EMBED);
    expect([gone.status, await gone.json()]).toEqual([404, { message: "Unknown Webhook", code: 10015 }]);
    expect((await post(P.discord, EMBED)).status).toBe(401);
    fake.setRateLimit(P.discord, { perSecond: 1, burst: 1 });
    await post(P.discord, EMBED);
    expect((await (await post(P.discord, EMBED)).json()).retry_after).toBe(1);
  });
});

describe("Dooray!", () => {
  it("answers its success envelope and needs a text", async () => {
    const ok = await post(P.dooray, DOORAY);
    expect([ok.status, await ok.json()]).toEqual([200, { header: { resultCode: 0, resultMessage: "", isSuccessful: true } }]);
    expect(fake.requests(P.dooray)[0].parsed).toMatchObject({ botName: "알리미", attachments: [{ titleLink: "https://example.com/c/1" }] });
    expect((await post(P.dooray, { botName: "x" })).status).toBe(400);
  });

  it("plays a revoked hook, a failure inside a 200, a slow answer and a 5xx", async () => {
    fake.script(P.dooray, ["dooray.not_found", "dooray.failed_in_body", { delayMs: 150 }, { status: 503, body: "unavailable" }]);
    expect((await post(P.dooray, DOORAY)).status).toBe(404);
    const inBody = await post(P.dooray, DOORAY);
    expect([inBody.status, (await inBody.json()).header.isSuccessful]).toEqual([200, false]);
    const started = Date.now();
    expect((await post(P.dooray, DOORAY)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await post(P.dooray, DOORAY)).status).toBe(503);
  });
});

describe("named errors", () => {
  const expected: [string, number, unknown][] = [
    ["teams.flow_off", 400, { error: { code: "WorkflowTriggerIsNotEnabled", message: expect.stringContaining("'Disabled'") } }],
    ["teams.flow_deleted", 400, { error: { code: "WorkflowTriggerIsNotEnabled", message: expect.stringContaining("'Deleted'") } }],
    ["teams.bad_signature", 401, { error: { code: "DirectApiInvalidAuthorizationSignature", message: expect.any(String) } }],
    ["teams.not_found", 404, { error: { code: "WorkflowNotFound", message: expect.any(String) } }],
    ["teams.schema_mismatch", 400, { error: { code: "TriggerInputSchemaMismatch", message: expect.any(String) } }],
    ["googlechat.bad_token", 403, { error: { code: 403, status: "PERMISSION_DENIED", message: expect.stringContaining("valid token") } }],
    ["googlechat.bad_key", 400, { error: expect.objectContaining({ code: 400, status: "INVALID_ARGUMENT" }) }],
    ["googlechat.not_found", 404, { error: { code: 404, status: "NOT_FOUND", message: expect.any(String) } }],
    ["googlechat.invalid_argument", 400, { error: { code: 400, status: "INVALID_ARGUMENT", message: expect.any(String) } }],
    ["googlechat.rate_limited", 429, { error: { code: 429, status: "RESOURCE_EXHAUSTED", message: expect.any(String) } }],
    ["googlechat.unavailable", 503, { error: { code: 503, status: "UNAVAILABLE", message: expect.any(String) } }],
    ["discord.unknown_webhook", 404, { code: 10015, message: "Unknown Webhook" }],
    ["discord.invalid_token", 401, { code: 50027, message: "Invalid Webhook Token" }],
    ["discord.empty_message", 400, { code: 50006, message: "Cannot send an empty message" }],
    ["discord.missing_permissions", 403, { code: 50013, message: "Missing Permissions" }],
    ["dooray.not_found", 404, { header: { resultCode: -404, resultMessage: "Not Found", isSuccessful: false } }],
    ["dooray.failed_in_body", 200, { header: { resultCode: -1, resultMessage: expect.any(String), isSuccessful: false } }],
  ];

  it("covers every named error of the four", () => {
    const four = Object.keys(NAMED_ERRORS).filter((name) => /^(teams|googlechat|discord|dooray)\./.test(name));
    expect(expected.map(([name]) => name).sort()).toEqual(four.sort());
  });

  it.each(expected)("%s answers %i with its JSON", async (name, status, body) => {
    fake.script(P.discord, [name as keyof typeof NAMED_ERRORS]);
    const res = await post(P.discord, EMBED);
    expect([res.status, await res.json()]).toEqual([status, body]);
  });
});
