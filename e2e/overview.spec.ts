import { expect, type Page, test } from "@playwright/test";
import { addDestination, deleteDestination, FAKE, fakeControl, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// 개요 on the console server: a few real alerts through the API to the fake messengers, then the
// numbers in the page's tables, the link from a failure reason to 발송 기록, and the periods.
test.describe.configure({ mode: "serial" });

const PATHS = {
  slack: "/services/T0000FAKE/B0OVERVIE/overviewSecret1",
  jandi: "/connect-api/webhook/1234567/overviewToken1",
  mattermost: "/hooks/overviewfailingabcdefghijk",
  refused: "/services/T0000FAKE/B0OVERVIE/refusedSecret2",
};
let apiKey = "";

async function createKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("키 이름").fill("overview");
  await page.getByRole("button", { name: "키 만들기" }).click();
  return (await page.getByTestId("new-api-key").textContent()) ?? "";
}

function body(n: number, event: string) {
  return {
    event,
    session: { id: `s_ov_${n}`, url: `https://chat.example.com/ws/sessions/s_ov_${n}`, channel: "web" },
    customer: { name: "홍길동" },
    message: "배송 문의드립니다",
    ...(event === "session.assigned" ? { agent: { name: "김상담" } } : {}),
  };
}

/** The cells of the row whose header (or first cell) is `name`, as text. */
async function rowCells(page: Page, table: string, name: string | RegExp) {
  return page
    .getByTestId(table)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name }) })
    .getByRole("cell")
    .allInnerTexts();
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  apiKey = await createKey(page);
  // 매터모스트 keeps answering a retryable error (재시도 중); one Slack refuses every message (실패).
  await fakeControl("mode", { path: PATHS.mattermost, behaviour: "mattermost.disabled" });
  await fakeControl("mode", { path: PATHS.refused, behaviour: "slack.invalid_payload" });
  await addDestination(page, "slack", { name: "CS팀 슬랙", url: `${FAKE}${PATHS.slack}` });
  await addDestination(page, "jandi", { name: "CS팀 잔디", url: `${FAKE}${PATHS.jandi}` });
  await addDestination(page, "mattermost", { name: "야간 매터모스트", url: `${FAKE}${PATHS.mattermost}` });
  await addDestination(page, "slack", { name: "영업팀 슬랙", url: `${FAKE}${PATHS.refused}` });
  const events = ["message.submitted", "message.submitted", "message.submitted", "session.waiting", "session.assigned"];
  for (const [n, event] of events.entries()) {
    const res = await page.request.post("/api/v1/alerts", {
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      data: Buffer.from(JSON.stringify(body(n, event))),
    });
    expect(res.status()).toBe(202);
  }
  await page.close();
});

test.afterAll(async () => {
  await fakeControl("mode", { path: PATHS.mattermost, behaviour: null });
  await fakeControl("mode", { path: PATHS.refused, behaviour: null });
});

test("개요 shows each destination's outcomes, time to notify, and failures linked to 발송 기록", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "개요" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "개요" })).toBeVisible();
  // Delivery is asynchronous: reload until every delivery has settled.
  await expect
    .poll(
      async () => {
        await page.reload();
        return Promise.all([/CS팀 슬랙/, /야간 매터모스트/, /영업팀 슬랙/].map((name) => rowCells(page, "outcomes-table", name)));
      },
      { timeout: 20_000 },
    )
    .toEqual([
      ["정상", "", "5", "0", "0", "0", "0"],
      ["전송 실패 중", "", "0", "5", "0", "0", "0"],
      ["전송 실패 중", "", "0", "0", "0", "5", "0"],
    ]);
  expect(await rowCells(page, "outcomes-table", /CS팀 잔디/)).toEqual(["정상", "", "5", "0", "0", "0", "0"]);

  // Alerts by event: this hour's row.
  const headers = await page.getByTestId("alerts-table").getByRole("columnheader").allInnerTexts();
  expect(headers).toEqual(["시각", "고객 메시지 접수", "상담 요청", "상담사 배정", "합계"]);
  const alertRows = page.getByTestId("alerts-table").locator("tbody tr");
  await expect(alertRows).toHaveCount(1);
  expect(await alertRows.getByRole("cell").allInnerTexts()).toEqual(["3", "1", "1", "5"]);
  await expect(alertRows.getByRole("rowheader")).toHaveText(/\d{2}:00/);

  // Time to notify: five deliveries per messenger that delivered, none for the failing one.
  const latency = page.getByTestId("latency-table").locator("tbody tr");
  await expect(latency).toHaveCount(2);
  for (const name of ["슬랙(Slack)", "잔디(Jandi)"]) {
    const cells = await latency.filter({ hasText: name }).getByRole("cell").allInnerTexts();
    expect(cells[1]).toBe("5");
    expect(Number(cells[2])).toBeGreaterThanOrEqual(0);
    expect(Number(cells[3])).toBeGreaterThanOrEqual(Number(cells[2]));
  }

  // Failures by reason: the messenger's code, the Korean hint, and the filtered log.
  const failure = page.getByTestId("failures-table").locator("tbody tr");
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText("invalid_payload");
  await expect(failure).toContainText("메신저가 메시지 형식을 거부했습니다");
  await expect(failure.getByRole("cell").nth(3)).toHaveText("5");
  await screenshot(page, "overview", { fullPage: true });
  await failure.getByRole("link", { name: /발송 기록에서 보기/ }).click();
  await expect(page).toHaveURL(/\/deliveries\?messenger=slack&status=failed&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("log-row")).toHaveCount(5);
  await expect(page.getByLabel("상태")).toHaveValue("failed");
  await page.getByRole("link", { name: "개요 보기" }).click();
  await expect(page).toHaveURL(/\/overview$/);
});

test("the period switch keeps the same alerts in 7일 and 30일 buckets", async ({ page }) => {
  await signIn(page);
  await page.goto("/overview");
  const current = page.getByRole("navigation", { name: "기간" }).locator('[aria-current="page"]');
  await expect(current).toHaveText("24시간");
  for (const [label, period] of [
    ["7일", "7d"],
    ["30일", "30d"],
  ] as const) {
    await page.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/overview\\?period=${period}$`));
    await expect(current).toHaveText(label);
    const rows = page.getByTestId("alerts-table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    expect((await rows.getByRole("cell").allInnerTexts()).at(-1)).toBe("5");
    expect(await rowCells(page, "outcomes-table", /CS팀 슬랙/)).toEqual(["정상", "", "5", "0", "0", "0", "0"]);
  }
  // Anything else falls back to 24시간 rather than failing.
  await page.goto("/overview?period=1y");
  await expect(current).toHaveText("24시간");
});

test.afterAll(async ({ browser }) => {
  // The console specs share this server: its retrying 매터모스트 must not keep going under theirs.
  const page = await browser.newPage();
  await signIn(page);
  for (const name of ["CS팀 슬랙", "CS팀 잔디", "야간 매터모스트", "영업팀 슬랙"]) await deleteDestination(page, name);
  await page.close();
});
