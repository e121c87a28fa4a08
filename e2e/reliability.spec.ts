import { type Browser, expect, test } from "@playwright/test";
import { type FakeMessenger, startFakeMessenger } from "./fake-messenger/server";
import { addDestination } from "./helpers";
import { ADMIN, type AlimiProcess, createApiKey, freshDataDir, inquiry, postAlert, queryDb, startAlimi } from "./support/alimi-process";
import { screenshot } from "./support/screenshot";

// Fault tests: real servers started and killed here, a fake messenger in this process, and the
// SQLite file read afterwards to check that every accepted alert is accounted for.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const SLACK = "/services/T0000FLT/B0000FLT/faultSecret1";
const AGIT = "/webhook/11111111-2222-4333-8444-555555555555";
const MATTERMOST = "/hooks/faultsfaultsfaultsfaultsfa";
// Shorter schedules so hours of retrying fit in seconds; the shapes stay the same.
const FAST = { ALERTS_RETRY_SCALE: "0.01", ALERTS_ATTEMPT_TIMEOUT_MS: "1000", ALERTS_API_RATE_LIMIT: "0" };

let fake: FakeMessenger;
let server: AlimiProcess | undefined;
let second: AlimiProcess | undefined;

test.beforeEach(async () => {
  fake = await startFakeMessenger({ port: 0 });
});

test.afterEach(async () => {
  await server?.kill("SIGKILL");
  await second?.kill("SIGKILL");
  server = second = undefined;
  await fake.close();
});

async function setUp(
  browser: Browser,
  name: string,
  port: number,
  destinations: [Parameters<typeof addDestination>[1], string, string][],
  env = {},
) {
  const dataDir = freshDataDir(name);
  server = await startAlimi(port, dataDir, { ...FAST, ...env });
  const page = await browser.newPage({ baseURL: server.url });
  await page.goto("/login");
  await page.getByLabel("이메일").fill(ADMIN.email);
  await page.getByLabel("비밀번호").fill(ADMIN.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/alerts$/);
  for (const [messenger, displayName, url] of destinations) await addDestination(page, messenger, { name: displayName, url });
  return { dataDir, key: createApiKey(dataDir), page };
}

function statuses(dataDir: string) {
  return queryDb<{ status: string; n: number }>(dataDir, "select status, count(*) n from deliveries group by status");
}

test("outage: 503 for a while, then every alert arrives after recovery, in order, within pacing", async ({ browser }) => {
  const { dataDir, key } = await setUp(browser, "outage", 3110, [["slack", "outage slack", `${fake.url}${SLACK}`]]);
  fake.setMode(SLACK, { status: 503, body: "service unavailable" });
  for (let i = 0; i < 5; i++) {
    await postAlert(server!.url, key, inquiry(i));
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1_500));
  expect(fake.requests(SLACK).every((r) => r.answered === 503)).toBe(true);
  fake.setMode(SLACK, null);

  await expect.poll(() => statuses(dataDir), { timeout: 30_000 }).toEqual([{ status: "delivered", n: 5 }]);
  const delivered = fake.requests(SLACK).filter((r) => r.answered === 200);
  const text = delivered.map((r) => r.body).join("\n");
  const positions = [0, 1, 2, 3, 4].map((i) => text.indexOf(`sessions/s_${i}`));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  const times = fake.requests(SLACK).map((r) => r.at);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(990);
});

test("429 storm with Retry-After: 3 waits 3 s for that destination only", async ({ browser }) => {
  const { key } = await setUp(browser, "storm", 3111, [
    ["slack", "storm slack", `${fake.url}${SLACK}`],
    ["agit", "calm agit", `${fake.url}${AGIT}`],
  ]);
  fake.script(SLACK, [{ rateLimited: { retryAfter: "3" } }]);
  await postAlert(server!.url, key, inquiry(1));
  await fake.waitForRequests(SLACK, 1);
  const limitedAt = fake.requests(SLACK)[0].at;
  await postAlert(server!.url, key, inquiry(2));
  await postAlert(server!.url, key, inquiry(3));
  await fake.waitForRequests(AGIT, 3, 5_000);
  expect(fake.requests(AGIT).at(-1)!.at - limitedAt).toBeLessThan(2_500);

  const [retry] = (await fake.waitForRequests(SLACK, 2, 10_000)).slice(1);
  expect(retry.at - limitedAt).toBeGreaterThanOrEqual(3_000);
  expect(retry.answered).toBe(200);
  for (const n of [1, 2, 3]) expect(retry.body).toContain(`sessions/s_${n}`);
});

test("answers slower than the timeout and dropped connections are retried", async ({ browser }) => {
  const { dataDir, key } = await setUp(browser, "timeouts", 3112, [
    ["slack", "slow slack", `${fake.url}${SLACK}`],
    ["mattermost", "flaky mattermost", `${fake.url}${MATTERMOST}`],
  ]);
  fake.script(SLACK, [{ delayMs: 2_500 }]);
  fake.script(MATTERMOST, [{ drop: true }]);
  await postAlert(server!.url, key, inquiry(7));
  await expect.poll(() => statuses(dataDir), { timeout: 20_000 }).toEqual([{ status: "delivered", n: 2 }]);
  const codes = queryDb<{ code: string | null; outcome: string }>(dataDir, "select code, outcome from delivery_attempts order by id");
  expect(codes).toEqual(
    expect.arrayContaining([
      { code: "timeout", outcome: "retry" },
      { code: "connection_reset", outcome: "retry" },
    ]),
  );
  expect(fake.requests(SLACK)).toHaveLength(2);
  expect(fake.requests(MATTERMOST)).toHaveLength(2);
});

test("kill -9 while the messenger is down: after a restart all 200 alerts reach every destination", async ({ browser }) => {
  const port = 4_020;
  await fake.close();
  fake = await startFakeMessenger({ port });
  const { dataDir, key } = await setUp(browser, "crash", 3113, [
    ["slack", "crash slack", `${fake.url}${SLACK}`],
    ["mattermost", "crash mattermost", `${fake.url}${MATTERMOST}`],
  ]);
  await fake.close(); // the messengers are down

  for (let batch = 0; batch < 10; batch++) {
    await Promise.all(Array.from({ length: 20 }, (_, i) => postAlert(server!.url, key, inquiry(batch * 20 + i))));
  }
  await new Promise((r) => setTimeout(r, 500));
  await server!.kill("SIGKILL");

  server = await startAlimi(3113, dataDir, FAST);
  fake = await startFakeMessenger({ port });
  await expect.poll(() => statuses(dataDir), { timeout: 60_000, intervals: [500] }).toEqual([{ status: "delivered", n: 400 }]);
  // Every delivery was recorded as delivered exactly once.
  const twice = queryDb(
    dataDir,
    "select delivery_id from delivery_attempts where outcome = 'delivered' group by delivery_id having count(*) > 1",
  );
  expect(twice).toEqual([]);
  // And every request the fake got is one recorded send (single or digest): nothing sent twice.
  const sends = queryDb<{ n: number }>(
    dataDir,
    "select count(distinct coalesce(digest_id, delivery_id)) n from delivery_attempts where outcome = 'delivered'",
  )[0].n;
  expect(fake.requests(SLACK).length + fake.requests(MATTERMOST).length).toBe(sends);
});

test("a burst of 300 in one second reaches a 1/s Slack in digests within 10 s, with no 429", async ({ browser }) => {
  const { dataDir, key, page } = await setUp(browser, "burst", 3114, [["slack", "burst slack", `${fake.url}${SLACK}`]]);
  fake.setRateLimit(SLACK, { perSecond: 1, burst: 1 });
  const started = Date.now();
  for (let batch = 0; batch < 15; batch++) {
    await Promise.all(Array.from({ length: 20 }, (_, i) => postAlert(server!.url, key, inquiry(batch * 20 + i))));
  }
  // The burst is as tight as the accept rate allows on this machine (see the README benchmark);
  // the promise under test is the 10 s from the first alert, counted from `started`.
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect.poll(() => statuses(dataDir), { timeout: 10_000, intervals: [250] }).toEqual([{ status: "delivered", n: 300 }]);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(fake.rateLimitedCount(SLACK)).toBe(0);
  expect(fake.requests(SLACK).length).toBeLessThan(10);
  expect(fake.requests(SLACK).some((r) => r.body.includes("새 문의"))).toBe(true);
  // Every alert is linked to the send that carried it.
  const unlinked = queryDb(dataDir, "select id from deliveries where digest_id is null");
  expect(unlinked.length).toBeLessThanOrEqual(1); // at most the very first, sent alone

  // 발송 기록 marks digest deliveries with an icon drawn as SVG (a symbol glyph showed as an
  // empty box without a symbol font), named for screen readers.
  await page.goto("/deliveries");
  const badge = page.getByTestId("log-row").first().getByRole("img", { name: "묶음 발송으로 보냄" });
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
  await expect(page.getByTestId("log-row").first()).not.toContainText("⧉");
});

test("a permanent failure pauses the destination, shows the banner, sends one 실패 알림; 다시 사용 redelivers", async ({ browser }) => {
  const { dataDir, key, page } = await setUp(browser, "pause", 3115, [
    ["slack", "revoked slack", `${fake.url}${SLACK}`],
    ["agit", "ops agit", `${fake.url}${AGIT}`],
  ]);
  await page.getByLabel("실패 알림 받을 곳").selectOption({ label: "ops agit · 아지트(Agit)" });
  await page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(page.getByRole("region", { name: "실패 알림" }).getByText("저장했습니다.")).toBeVisible();

  fake.setMode(SLACK, "slack.no_service");
  await postAlert(server!.url, key, inquiry(1));
  await fake.waitForRequests(SLACK, 1);
  await postAlert(server!.url, key, inquiry(2));
  await postAlert(server!.url, key, inquiry(3));
  // Three alerts (alone or in a digest) and the notice, which always goes alone.
  await expect.poll(() => fake.requests(AGIT).filter((r) => r.body.includes("자동 중지")).length, { timeout: 10_000 }).toBe(1);
  await expect
    .poll(
      () =>
        queryDb(
          dataDir,
          "select d.id from deliveries d join destinations s on s.id = d.destination_id where s.name = 'ops agit' and d.status != 'delivered'",
        ).length,
      { timeout: 10_000 },
    )
    .toBe(0);
  await new Promise((r) => setTimeout(r, 1_500));
  expect(fake.requests(SLACK)).toHaveLength(1);
  const notices = fake.requests(AGIT).filter((r) => r.body.includes("자동 중지"));
  expect(notices).toHaveLength(1);
  expect(notices[0].body).toContain("revoked slack");
  expect(notices[0].body).toContain("no_service");

  await page.reload();
  const banner = page.getByTestId("paused-destination");
  await expect(banner).toContainText("‘revoked slack’");
  await expect(banner).toContainText("no_service");
  await expect(banner).toContainText("웹훅이 삭제되었거나 비활성화되었습니다");
  await expect(banner).toContainText("보내지 못한 알림 2건이 대기 중입니다.");
  await screenshot(page, "paused-banner", { fullPage: true });

  fake.setMode(SLACK, null);
  await page.getByRole("button", { name: "revoked slack 다시 사용" }).click();
  await expect(page.getByTestId("paused-destination")).toHaveCount(0);
  await fake.waitForRequests(SLACK, 2, 10_000);
  const redelivered = fake.requests(SLACK)[1].body;
  expect(redelivered).toContain("sessions/s_2");
  expect(redelivered).toContain("sessions/s_3");
  await expect.poll(() => fake.requests(AGIT).filter((r) => r.body.includes("복구")).length, { timeout: 10_000 }).toBe(1);
  expect(queryDb(dataDir, "select status from deliveries where status = 'pending'")).toEqual([]);
});

test("two processes sharing one database never send the same delivery twice", async ({ browser }) => {
  const { dataDir, key } = await setUp(browser, "shared", 3116, [
    ["mattermost", "shared mattermost", `${fake.url}${MATTERMOST}`],
    ["agit", "shared agit", `${fake.url}${AGIT}`],
  ]);
  second = await startAlimi(3117, dataDir, FAST);
  const servers = [server!, second];
  for (let i = 0; i < 60; i++) {
    await postAlert(servers[i % 2].url, key, inquiry(i));
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 100));
  }
  await expect.poll(() => statuses(dataDir), { timeout: 30_000, intervals: [250] }).toEqual([{ status: "delivered", n: 120 }]);
  const sends = queryDb<{ n: number }>(
    dataDir,
    "select count(distinct coalesce(digest_id, delivery_id)) n from delivery_attempts where outcome = 'delivered'",
  )[0].n;
  expect(fake.requests(MATTERMOST).length + fake.requests(AGIT).length).toBe(sends);
  const twice = queryDb(dataDir, "select delivery_id from delivery_attempts group by delivery_id having count(*) > 1");
  expect(twice).toEqual([]);
});
