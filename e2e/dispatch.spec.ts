import fs from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DISPATCH_PORT } from "../playwright.config";
import { addDestination, FAKE, FAKE_PATHS, fakeControl, fakeRequests, type Messenger, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// The dispatch API against a real server, delivering to the fake messenger server.
const BASE = `http://127.0.0.1:${DISPATCH_PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let apiKey = "";
const MESSENGERS = Object.keys(FAKE_PATHS) as Messenger[];
const REVOKED_PATH = "/services/T0000FAKE/B0000GONE/goneSecret2";
const REVOKED_DISCORD = "/api/webhooks/987654321098765432/revokedDiscordToken0123456789abcdef";

async function createKey(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("키 이름").fill(name);
  await page.getByRole("button", { name: "키 만들기" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(key).toMatch(/^alm_live_/);
  return key;
}

function alertBody(sessionId: string, extra: Record<string, unknown> = {}) {
  return {
    event: "message.submitted",
    occurredAt: "2026-11-23T03:12:45Z",
    session: { id: sessionId, url: `https://chat.example.com/ws/sessions/${sessionId}`, channel: "kakao" },
    customer: { name: "홍길동", email: "hong@example.com" },
    message: "배송 문의드립니다 @here <!channel>",
    ...extra,
  };
}

async function dispatch(request: APIRequestContext, body: unknown, headers: Record<string, string> = {}) {
  return request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", ...headers },
    // A Buffer is sent byte for byte (Playwright may JSON-encode a string body).
    data: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  });
}

/** Waits until the fake has exactly `count` requests for `path` that mention `marker`. */
async function expectReceived(path: string, marker: string, count: number) {
  await expect.poll(async () => (await fakeRequests(path)).filter((r) => r.body.includes(marker)).length, { timeout: 10_000 }).toBe(count);
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ baseURL: BASE });
  await signIn(page);
  apiKey = await createKey(page, "chat server");
  for (const messenger of MESSENGERS) {
    await addDestination(page, messenger, { name: `fake ${messenger}`, url: `${FAKE}${FAKE_PATHS[messenger]}` });
  }
  await page.close();
});

test.beforeEach(async () => {
  await fakeControl("reset");
});

test("every error answers with its status and the JSON envelope", async ({ request }) => {
  const expectError = async (res: Awaited<ReturnType<typeof dispatch>>, status: number, code: string) => {
    expect(res.status()).toBe(status);
    const json = await res.json();
    expect(json).toMatchObject({ error: { code, message: expect.any(String) } });
    return json;
  };
  await expectError(await request.post("/api/v1/alerts", { data: alertBody("s_err") }), 401, "unauthorized");
  await expectError(await dispatch(request, alertBody("s_err"), { authorization: "Bearer alm_live_wrong" }), 401, "unauthorized");
  await expectError(await dispatch(request, alertBody("s_err"), { "content-type": "text/plain" }), 415, "unsupported_media_type");
  await expectError(await dispatch(request, '{"event": "message.submitted",'), 400, "invalid_json");
  await expectError(await dispatch(request, alertBody("s_err", { message: "가".repeat(70_000) })), 413, "payload_too_large");
  const invalid = await expectError(
    await dispatch(request, { event: "session.assigned", session: { id: "s", url: "javascript:alert(1)" }, customer: {} }),
    422,
    "validation_failed",
  );
  const paths = invalid.error.details.map((d: { path: string }) => d.path);
  expect(paths).toEqual(expect.arrayContaining(["session.url", "customer.name", "agent"]));
  await expectError(await dispatch(request, alertBody("s_err", { event: "session.closed" })), 422, "validation_failed");
  // Nothing was stored by any of them: nothing reaches the messengers.
  await new Promise((r) => setTimeout(r, 300));
  expect(await fakeRequests()).toHaveLength(0);
});

test("one dispatch reaches all ten messengers once each, in each one's format", async ({ request }) => {
  const res = await dispatch(request, alertBody("s_six"));
  expect(res.status()).toBe(202);
  const json = await res.json();
  expect(json.alertId).toMatch(/^alr_/);
  expect(json.deliveries).toHaveLength(MESSENGERS.length);
  expect(MESSENGERS).toHaveLength(10);
  expect(json.deliveries.map((d: { messenger: string }) => d.messenger).sort()).toEqual([...MESSENGERS].sort());

  for (const messenger of MESSENGERS) await expectReceived(FAKE_PATHS[messenger], "s_six", 1);
  const first = async (m: Messenger) => (await fakeRequests(FAKE_PATHS[m]))[0];

  const slack = await first("slack");
  expect(slack.headers["content-type"]).toContain("application/json");
  expect(slack.headers["user-agent"]).toMatch(/^Alimi\//);
  const slackBody = slack.parsed as { text: string; blocks: unknown[]; unfurl_links: boolean };
  expect(slackBody.text).toContain("홍길동");
  expect(slackBody.text).not.toContain("<!channel>");
  expect(slackBody.blocks.length).toBeGreaterThan(0);
  expect(slackBody.unfurl_links).toBe(false);

  const mm = (await first("mattermost")).parsed as { text: string; attachments: unknown[] };
  expect(mm.attachments.length).toBeGreaterThan(0);
  expect(JSON.stringify(mm)).not.toMatch(/@here|<!channel>/);

  const jandi = await first("jandi");
  expect(jandi.headers.accept).toBe("application/vnd.tosslab.jandi-v2+json");
  expect(jandi.headers["content-type"]).toContain("application/json");
  expect((jandi.parsed as { connectInfo: unknown[] }).connectInfo.length).toBeGreaterThan(0);

  for (const m of ["hiworks", "agit"] as const) {
    const body = (await first(m)).parsed as { text: string; mrkdwn?: boolean };
    expect(body.text).toContain("홍길동");
    expect(body.text).toContain("https://chat.example.com/ws/sessions/s_six");
    expect(body.mrkdwn).toBeUndefined();
  }

  const teamroom = await first("teamroom");
  expect(teamroom.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=UTF-8");
  const content = new URLSearchParams(teamroom.body).get("content") ?? "";
  expect(content).toContain("홍길동");
  expect(content).toContain("배송 문의드립니다");

  // Teams: the message envelope, one Adaptive Card with the alert's facts and an Open URL action.
  const teams = (await first("teams")).parsed as {
    type: string;
    attachments: { content: { body: { type: string }[]; actions: { type: string; url: string }[] } }[];
  };
  expect(teams.type).toBe("message");
  const card = teams.attachments[0].content;
  expect(card.body.map((b) => b.type)).toContain("FactSet");
  expect(card.actions).toEqual([expect.objectContaining({ type: "Action.OpenUrl", url: "https://chat.example.com/ws/sessions/s_six" })]);

  // Google Chat: a card with a button, threaded by the conversation.
  const chat = await first("googlechat");
  expect(chat.query).toContain("messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
  expect(chat.parsed).toMatchObject({ thread: { threadKey: "alimi-s_six" }, cardsV2: [{ cardId: "alimi-alert" }] });
  expect(JSON.stringify(chat.parsed)).toContain("https://chat.example.com/ws/sessions/s_six");

  // Discord: one embed, nothing can ping, and the customer's @here / <!channel> arrive broken.
  const discord = await first("discord");
  expect(discord.query).toBe("wait=true");
  const embed = discord.parsed as { allowed_mentions: unknown; embeds: { fields: { value: string }[] }[] };
  expect(embed.allowed_mentions).toEqual({ parse: [] });
  expect(embed.embeds).toHaveLength(1);
  expect(JSON.stringify(embed.embeds)).toContain("배송 문의드립니다");
  expect(JSON.stringify(embed.embeds)).not.toMatch(/@here|<!channel>/);

  // Dooray!: botName, text and attachments; the customer's text only in an attachment, escaped.
  const dooray = (await first("dooray")).parsed as { botName: string; text: string; attachments: { text?: string; titleLink?: string }[] };
  expect(dooray.botName).toBe("알리미");
  expect(dooray.attachments.map((a) => a.titleLink)).toContain("https://chat.example.com/ws/sessions/s_six");
  expect(JSON.stringify(dooray)).not.toMatch(/@here|<!channel>/);
});

test("Google Chat keeps one thread per conversation: two alerts of one session share its threadKey", async ({ request }) => {
  expect((await dispatch(request, alertBody("s_thread"))).status()).toBe(202);
  await expectReceived(FAKE_PATHS.googlechat, "s_thread", 1);
  const waiting = alertBody("s_thread", { event: "session.waiting", message: undefined, occurredAt: "2026-11-23T03:14:00Z" });
  expect((await dispatch(request, waiting)).status()).toBe(202);
  await expectReceived(FAKE_PATHS.googlechat, "s_thread", 2);
  const other = alertBody("s_other");
  expect((await dispatch(request, other)).status()).toBe(202);
  await expectReceived(FAKE_PATHS.googlechat, "s_other", 1);
  const keys = (await fakeRequests(FAKE_PATHS.googlechat)).map((r) => (r.parsed as { thread?: { threadKey: string } }).thread?.threadKey);
  expect(keys).toEqual(["alimi-s_thread", "alimi-s_thread", "alimi-s_other"]);
});

test("a destination answering 500 twice, then 200, gets the alert on the third attempt", async ({ request }) => {
  await fakeControl("script", { path: FAKE_PATHS.agit, behaviours: [{ status: 500 }, { status: 500 }] });
  expect((await dispatch(request, alertBody("s_retry"))).status()).toBe(202);
  await expectReceived(FAKE_PATHS.agit, "s_retry", 3);
  await expectReceived(FAKE_PATHS.slack, "s_retry", 1);
  await expect.poll(async () => (await (await request.get("/api/health")).json()).queue.pending).toBe(0);
});

test("a revoked Slack webhook (404 no_service) is tried once and not again", async ({ request, page }) => {
  await signIn(page);
  await addDestination(page, "slack", { name: "revoked slack", url: `${FAKE}${REVOKED_PATH}` });
  await fakeControl("mode", { path: REVOKED_PATH, behaviour: "slack.no_service" });
  expect((await dispatch(request, alertBody("s_gone"))).status()).toBe(202);
  await expectReceived(FAKE_PATHS.slack, "s_gone", 1);
  await expectReceived(REVOKED_PATH, "s_gone", 1);
  await new Promise((r) => setTimeout(r, 1_000));
  expect((await fakeRequests(REVOKED_PATH)).length).toBe(1);
  await page.getByRole("switch", { name: "revoked slack 사용" }).click();
  await expect(page.getByRole("switch", { name: "revoked slack 사용" })).toHaveAttribute("aria-checked", "false");
});

test("a revoked Discord webhook (404 10015 Unknown Webhook) pauses its destination (자동 중지) after one try", async ({
  request,
  page,
}) => {
  await signIn(page);
  await addDestination(page, "discord", { name: "revoked discord", url: `${FAKE}${REVOKED_DISCORD}` });
  await fakeControl("mode", { path: REVOKED_DISCORD, behaviour: "discord.unknown_webhook" });
  expect((await dispatch(request, alertBody("s_gone_discord"))).status()).toBe(202);
  await expectReceived(REVOKED_DISCORD, "s_gone_discord", 1);
  await expectReceived(FAKE_PATHS.discord, "s_gone_discord", 1);
  const banner = page.getByTestId("paused-destination").filter({ hasText: "revoked discord" });
  await expect(async () => {
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(banner).toContainText("10015");
  await expect(banner).toContainText("디스코드에 이 웹후크가 없습니다");
  // Paused: the next alert does not try it again.
  expect((await dispatch(request, alertBody("s_after_discord"))).status()).toBe(202);
  await expectReceived(FAKE_PATHS.discord, "s_after_discord", 1);
  expect((await fakeRequests(REVOKED_DISCORD)).length).toBe(1);
  // Switched off, like the revoked Slack one, so later alerts do not queue for it.
  await page.goto("/settings/integrations/alerts");
  await page.getByRole("switch", { name: "revoked discord 사용" }).click();
  await expect(page.getByRole("switch", { name: "revoked discord 사용" })).toHaveAttribute("aria-checked", "false");
});

test("a disabled destination and a switched-off event send nothing", async ({ request, page }) => {
  await signIn(page);
  await page.getByRole("switch", { name: "fake hiworks 사용" }).click();
  await expect(page.getByRole("switch", { name: "fake hiworks 사용" })).toHaveAttribute("aria-checked", "false");

  const res = await dispatch(request, alertBody("s_off"));
  // Every fake destination but the switched-off one (the revoked ones are paused).
  expect((await res.json()).deliveries).toHaveLength(MESSENGERS.length - 1);
  await expectReceived(FAKE_PATHS.slack, "s_off", 1);
  expect(await fakeRequests(FAKE_PATHS.hiworks)).toHaveLength(0);

  await page.goto("/settings/app/guide");
  await page.getByLabel("고객이 상담사에게 배정 시 알림").uncheck();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toContainText("저장했습니다.");
  const skipped = await dispatch(request, alertBody("s_assigned", { event: "session.assigned", agent: { name: "김상담" } }));
  expect(skipped.status()).toBe(202);
  expect(await skipped.json()).toMatchObject({ status: "skipped", deliveries: [] });
  await new Promise((r) => setTimeout(r, 500));
  expect((await fakeRequests()).filter((r) => r.body.includes("s_assigned"))).toHaveLength(0);

  // Put things back for the specs after this one.
  await page.getByLabel("고객이 상담사에게 배정 시 알림").check();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toContainText("저장했습니다.");
  await page.goto("/settings/integrations/alerts");
  await page.getByRole("switch", { name: "fake hiworks 사용" }).click();
  await expect(page.getByRole("switch", { name: "fake hiworks 사용" })).toHaveAttribute("aria-checked", "true");
});

test("an idempotent replay answers the first result and creates nothing", async ({ request }) => {
  const first = await dispatch(request, alertBody("s_idemA"), { "idempotency-key": "evt-42" });
  const again = await dispatch(request, alertBody("s_idemA"), { "idempotency-key": "evt-42" });
  expect(first.status()).toBe(202);
  expect(again.status()).toBe(202);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toEqual(await first.json());

  const byId = await dispatch(request, alertBody("s_idemB", { id: "evt_01J_body" }));
  const byIdAgain = await dispatch(request, alertBody("s_idemB", { id: "evt_01J_body" }));
  expect(byIdAgain.headers()["idempotent-replayed"]).toBe("true");
  expect((await byIdAgain.json()).alertId).toBe((await byId.json()).alertId);

  await expectReceived(FAKE_PATHS.slack, "s_idemA", 1);
  await expectReceived(FAKE_PATHS.slack, "s_idemB", 1);
  await new Promise((r) => setTimeout(r, 500));
  await expectReceived(FAKE_PATHS.slack, "s_idemA", 1);
  await expectReceived(FAKE_PATHS.slack, "s_idemB", 1);
});

test("an API key revoked in the console stops working at once", async ({ request, page }) => {
  await signIn(page);
  const key = await createKey(page, "to revoke");
  const post = () =>
    request.post("/api/v1/alerts", {
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      data: Buffer.from(JSON.stringify(alertBody("s_revoke"))),
    });
  expect((await post()).status()).toBe(202);
  await page.reload();
  await page.getByRole("button", { name: "to revoke 폐기" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "폐기" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "to revoke" })).toContainText("폐기됨");
  const res = await post();
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("발송 기록 lists alerts, filters them, shows each attempt, and 재전송 requeues a failure", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "발송 기록" }).click();
  await expect(page.getByRole("heading", { name: "발송 기록", level: 1 })).toBeVisible();
  await expect(page.getByTestId("log-row").first()).toBeVisible();
  await expect(page.getByTestId("log-row").filter({ hasText: "보내지 않았습니다" }).first()).toBeVisible(); // the switched-off event
  await screenshot(page, "deliveries", { fullPage: true });

  await page.getByLabel("알림", { exact: true }).selectOption({ label: "revoked slack" });
  await page.getByLabel("상태").selectOption("failed");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/status=failed/);
  const rows = page.getByTestId("log-row");
  await expect(rows.first()).toContainText("revoked slack · 실패");

  // The filtered rows as CSV: UTF-8 with a BOM (Excel shows Hangul), the same filter applied.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV로 내보내기" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^alimi-deliveries-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("시각,이벤트,고객,알림,메신저,상태,시도 횟수,HTTP 상태,코드,알림 ID,전달 ID");
  const revoked = lines.filter((line) => line.includes("revoked slack"));
  expect(revoked.length).toBeGreaterThan(0);
  expect(revoked[0]).toContain(",홍길동,revoked slack,");
  expect(revoked[0]).toContain(",실패,1,404,no_service,");
  const alertIds = new Set(lines.slice(1).map((line) => line.split(",")[9]));
  expect(alertIds.size).toBe(await rows.count()); // exactly the alerts the filtered page lists
  const signedOut = await page.request.fetch("/deliveries/export?status=failed", { headers: { cookie: "" } });
  expect(signedOut.status()).toBe(401);

  await rows.last().getByRole("link").click();

  const detail = page.getByTestId("delivery-detail").filter({ hasText: "revoked slack" });
  await expect(detail).toContainText("no_service");
  await expect(detail.getByRole("cell", { name: "404" })).toBeVisible();
  await expect(page.getByTestId("delivery-detail").filter({ hasText: "fake agit" })).toContainText("전달");
  await detail.getByRole("button", { name: "revoked slack 재전송" }).click();
  // It is switched off by now: resending would only fail again, and the console says so.
  await expect(detail.getByRole("alert")).toContainText("꺼져 있거나 삭제되어 다시 보낼 수 없습니다");
});

test("다시 사용 says so when the session ended in another tab", async ({ page }) => {
  await signIn(page);
  const banner = page.getByTestId("paused-destination").filter({ hasText: "revoked slack" });
  await expect(banner).toBeVisible();
  const otherTab = await page.context().newPage();
  await otherTab.goto("/settings/integrations/alerts");
  await otherTab.getByRole("button", { name: "로그아웃" }).click();
  await expect(otherTab).toHaveURL(/\/login$/);

  await banner.getByRole("button", { name: "revoked slack 다시 사용" }).click();
  await expect(banner.getByRole("alert")).toHaveText("로그인이 만료되었습니다. 다시 로그인해 주세요.");
  await expect(banner).toBeVisible();
});

test("GET /api/health answers with the queue depth", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", queue: { pending: expect.any(Number) } });
});
