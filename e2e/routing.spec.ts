import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DISPATCH_PORT } from "../playwright.config";
import { ALERTS_PATH, addDestination, FAKE, fakeRequests, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// 받을 알림 on the dispatch server: a destination that takes only 카카오톡 alerts of team "cs".
// The spec shares the server with others, so it adds its own destination (at its own fake path),
// API key and 뷰어, and removes the destination and the 뷰어 at the end.
const BASE = `http://127.0.0.1:${DISPATCH_PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

const NAME = "routing kakao cs";
const PATH = "/webhook/0f1e2d3c-4b5a-4968-8778-a1b2c3d4e5f6";
const VIEWER = "routing-viewer@alimi.test";
let apiKey = "";

async function createKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("키 이름").fill("routing spec");
  await page.getByRole("button", { name: "키 만들기" }).click();
  return (await page.getByTestId("new-api-key").textContent()) ?? "";
}

async function dispatch(request: APIRequestContext, sessionId: string, channel: string, team: string) {
  const res = await request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    data: Buffer.from(
      JSON.stringify({
        event: "session.waiting",
        session: { id: sessionId, url: `https://chat.example.com/ws/sessions/${sessionId}`, channel },
        customer: { name: `라우팅 ${sessionId}` },
        team,
      }),
    ),
  });
  expect(res.status()).toBe(202);
  return (await res.json()) as { alertId: string; status: string; deliveries: { destinationId: string }[] };
}

const editLink = (page: Page) => page.getByTestId("destination-row").filter({ hasText: NAME }).getByRole("link");

test("a destination set to 카카오톡 of team cs gets only those alerts; the 202s and 발송 기록 say so", async ({ page, request }) => {
  await signIn(page);
  apiKey = await createKey(page);
  await addDestination(page, "agit", { name: NAME, url: `${FAKE}${PATH}` });

  // 받을 알림: every event and channel and no team at first; keep 카카오톡 only, team cs.
  await editLink(page).click();
  const section = page.getByRole("group", { name: "받을 알림" });
  await expect(section).toBeVisible();
  for (const label of ["고객 메시지 접수", "상담 요청", "상담사 배정", "웹", "앱", "카카오톡", "네이버 톡톡", "기타"]) {
    await expect(section.getByLabel(label, { exact: true })).toBeChecked();
  }
  await expect(section.getByLabel("팀", { exact: true })).toHaveValue("");
  // Nothing chosen is refused under its field.
  for (const label of ["웹", "앱", "카카오톡", "네이버 톡톡", "기타"]) await section.getByLabel(label, { exact: true }).uncheck();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("받을 유입 채널을 하나 이상 고르세요.", { exact: false })).toBeVisible();
  await section.getByLabel("카카오톡", { exact: true }).check();
  await section.getByLabel("팀", { exact: true }).fill(" cs ");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/saved=1$/);
  await expect(page.getByTestId("destination-row").filter({ hasText: NAME }).getByTestId("routing-summary")).toHaveText(
    "받을 알림: 카카오톡 · 팀 cs",
  );

  const mine = (await editLink(page).getAttribute("href"))?.split("/").pop() ?? "";
  const kakaoCs = await dispatch(request, "r_kakao_cs", "kakao", "cs");
  const webCs = await dispatch(request, "r_web_cs", "web", "cs");
  const kakaoSales = await dispatch(request, "r_kakao_sales", "kakao", "sales");
  expect(kakaoCs.deliveries.map((d) => d.destinationId)).toContain(mine);
  for (const other of [webCs, kakaoSales]) {
    expect(other.deliveries.map((d) => d.destinationId)).not.toContain(mine);
    // Alone on the server it matches nothing; beside other specs' destinations it goes to them.
    expect(other.status).toBe(other.deliveries.length === 0 ? "unmatched" : "queued");
  }

  await expect
    .poll(async () => (await fakeRequests(PATH)).filter((r) => r.body.includes("r_kakao_cs")).length, { timeout: 10_000 })
    .toBe(1);
  await page.waitForTimeout(1_000); // the other two would have arrived by now
  const received = (await fakeRequests(PATH)).map((r) => r.body).join("\n");
  expect(received).not.toContain("r_web_cs");
  expect(received).not.toContain("r_kakao_sales");

  await page.goto(`/deliveries/${kakaoCs.alertId}`);
  await expect(page.getByTestId("delivery-detail").filter({ hasText: NAME })).toBeVisible();
  await page.goto(`/deliveries/${webCs.alertId}`);
  await expect(page.getByTestId("delivery-detail").filter({ hasText: NAME })).toHaveCount(0);
  if (webCs.status === "unmatched") await expect(page.getByText("받을 알림 조건에 맞는 곳이 없어 보내지 않았습니다.")).toBeVisible();

  // 감사 기록 says what changed.
  await page.goto("/settings/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: NAME }).first()).toContainText(
    "받을 알림 events=all channels=all teams=all → events=all channels=kakao teams=cs",
  );
});

test("a 뷰어 sees the rules read-only; the form's section fits a phone", async ({ page, browser }) => {
  await signIn(page);
  await page.goto("/settings/accounts");
  await page.getByLabel("이메일").fill(VIEWER);
  await page.getByLabel("권한").selectOption("viewer");
  await page.getByRole("button", { name: "초대" }).click();
  const password = (await page.getByTestId("one-time-password").textContent()) ?? "";

  const context = await browser.newContext({ baseURL: BASE });
  const viewer = await context.newPage();
  await signIn(viewer, VIEWER, password);
  await viewer.goto(ALERTS_PATH);
  await expect(viewer.getByTestId("destination-row").filter({ hasText: NAME }).getByTestId("routing-summary")).toHaveText(
    "받을 알림: 카카오톡 · 팀 cs",
  );
  await editLink(viewer).click();
  const section = viewer.getByRole("group", { name: "받을 알림" });
  await expect(section.getByLabel("카카오톡", { exact: true })).toBeChecked();
  await expect(section.getByLabel("카카오톡", { exact: true })).toBeDisabled();
  await expect(section.getByLabel("웹", { exact: true })).not.toBeChecked();
  await expect(section.getByLabel("팀", { exact: true })).toHaveValue("cs");
  await expect(section.getByLabel("팀", { exact: true })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "저장" })).toHaveCount(0);
  await context.close();

  await page.goto(ALERTS_PATH);
  await editLink(page).click();
  await page.getByRole("group", { name: "받을 알림" }).scrollIntoViewIfNeeded();
  await screenshot(page, "form-routing");

  // At 375 px the section wraps: no sideways scroll.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.getByRole("group", { name: "받을 알림" }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, "form-routing-phone");

  // Clean up for the specs that share this server.
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(ALERTS_PATH);
  await editLink(page).click();
  await page.waitForLoadState("networkidle"); // 삭제 opens its dialog once the page is hydrated
  await page.getByRole("button", { name: "삭제", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "삭제", exact: true }).click();
  await expect(page).toHaveURL(/deleted=1$/);
  await page.goto("/settings/accounts");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: `${VIEWER} 삭제` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "삭제" }).click();
  await expect(page.getByTestId("account-row").filter({ hasText: VIEWER })).toHaveCount(0);
});
