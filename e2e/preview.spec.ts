import { expect, type Locator, type Page, test } from "@playwright/test";
import { ALERTS_PATH, addDestination, deleteDestination, SAMPLE_URLS, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// 미리보기 on the main console server: a new Slack form, never saved; the 뷰어 test adds a Jandi
// destination and a 뷰어, and removes both.
// The preview is built on the server by the real Slack adapter; the spec checks that it follows
// the form: 이름, 채널, 받을 알림 and the sample event.

const rows = (region: Locator) =>
  region
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent).join(" · ")));

async function openNewSlackForm(page: Page) {
  await signIn(page);
  await page.goto(`${ALERTS_PATH}/new?messenger=slack`);
  const region = page.getByRole("region", { name: "미리보기" });
  await expect(region).toHaveAttribute("aria-live", "polite");
  return region;
}

test("the preview follows 이름, 채널, 받을 알림 and the sample event, and never shows the webhook URL", async ({ page }) => {
  const region = await openNewSlackForm(page);
  const card = region.locator(".preview-card");

  // At first: the default name, the sample inquiry as Slack gets it, every sample received.
  await expect(card).toContainText("받는 곳: 슬랙(Slack)");
  await expect(card).toContainText("💬 고객 메시지 접수");
  await expect(card).toContainText("홍길동 고객이 메시지를 남겼습니다.");
  await expect(card).toContainText("주문한 상품이 아직 도착하지 않았어요.");
  await expect(card).toContainText("상담 열기");
  await expect(card).toContainText("(Asia/Seoul)");
  await expect
    .poll(() => rows(region))
    .toEqual([
      "고객 메시지 접수 · 카카오톡 · cs · 받음",
      "상담 요청 · 카카오톡 · cs · 받음",
      "상담사 배정 · 카카오톡 · cs · 받음",
      "고객 메시지 접수 · 웹 · cs · 받음",
      "고객 메시지 접수 · 앱 · cs · 받음",
      "고객 메시지 접수 · 네이버 톡톡 · cs · 받음",
      "고객 메시지 접수 · 기타 · cs · 받음",
      "고객 메시지 접수 · 카카오톡 · 팀 없음 · 받음",
    ]);

  // 이름 and 채널 (and a webhook URL, which the preview never carries).
  await page.getByLabel("이름").fill("CS 야간");
  await page.getByLabel(/^채널/).fill("#cs-night");
  await page.getByLabel("Webhook URL").fill("https://hooks.slack.com/services/T000/B000/previewsecret");
  await expect(card).toContainText("받는 곳: CS 야간 · 채널 #cs-night");

  // 받을 알림: no 카카오톡, teams vip only → the sample (카카오톡) is not received.
  const rules = page.getByRole("group", { name: "받을 알림" });
  await rules.getByLabel("카카오톡", { exact: true }).uncheck();
  await rules.getByLabel("팀", { exact: true }).fill("vip");
  await expect(card).toContainText("받지 않음 받을 알림 규칙에 맞지 않아 이곳으로 보내지 않습니다.");
  await expect(card).toContainText("팀vip");
  await expect
    .poll(() => rows(region))
    .toEqual([
      "고객 메시지 접수 · 카카오톡 · vip · 받지 않음",
      "상담 요청 · 카카오톡 · vip · 받지 않음",
      "상담사 배정 · 카카오톡 · vip · 받지 않음",
      "고객 메시지 접수 · 웹 · vip · 받음",
      "고객 메시지 접수 · 앱 · vip · 받음",
      "고객 메시지 접수 · 네이버 톡톡 · vip · 받음",
      "고객 메시지 접수 · 기타 · vip · 받음",
      "고객 메시지 접수 · 카카오톡 · 팀 없음 · 받지 않음",
    ]);

  // The sample event, picked in the section (keyboard: the radio group takes arrow keys).
  await region.getByLabel("고객 메시지 접수").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(region.getByLabel("상담사 배정")).toBeChecked();
  await expect(card).toContainText("👤 상담사 배정");
  await expect(card).toContainText("홍길동 고객이 김상담 상담사에게 배정되었습니다.");
  await expect
    .poll(async () => (await rows(region)).slice(3))
    .toEqual([
      "상담사 배정 · 웹 · vip · 받음",
      "상담사 배정 · 앱 · vip · 받음",
      "상담사 배정 · 네이버 톡톡 · vip · 받음",
      "상담사 배정 · 기타 · vip · 받음",
      "상담사 배정 · 카카오톡 · 팀 없음 · 받지 않음",
    ]);
  await expect(region).not.toContainText("previewsecret");
  await expect(region).not.toContainText("hooks.slack.com");

  await screenshot(page, "form-preview", { fullPage: true });
});

test("at 375 px the preview fits without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const region = await openNewSlackForm(page);
  await expect(region.locator(".preview-card")).toContainText("💬 고객 메시지 접수");
  await expect(region.locator("tbody tr")).toHaveCount(8);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await region.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  await region.scrollIntoViewIfNeeded();
  await screenshot(page, "form-preview-phone");
});

test("a 뷰어 sees the saved destination's preview and may pick the sample event", async ({ page, browser }) => {
  const NAME = "미리보기 잔디";
  const VIEWER = "preview-viewer@alimi.test";
  await signIn(page);
  await addDestination(page, "jandi", { name: NAME, url: SAMPLE_URLS.jandi });
  await page.goto("/settings/accounts");
  await page.getByLabel("이메일").fill(VIEWER);
  await page.getByLabel("권한").selectOption("viewer");
  await page.getByRole("button", { name: "초대" }).click();
  const password = (await page.getByTestId("one-time-password").textContent()) ?? "";

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, VIEWER, password);
  await viewer.goto(ALERTS_PATH);
  await viewer.getByTestId("destination-row").filter({ hasText: NAME }).getByRole("link").click();
  const region = viewer.getByRole("region", { name: "미리보기" });
  const card = region.locator(".preview-card");
  await expect(card).toContainText(`받는 곳: ${NAME}`);
  // Jandi's connectInfo rows as they arrive, the message among them.
  await expect(card).toContainText("메시지주문한 상품이 아직 도착하지 않았어요.");
  await region.getByLabel("상담 요청").check();
  await expect(card).toContainText("상담 요청");
  await expect(card).toContainText("홍길동 고객이 상담사 연결을 기다리고 있습니다.");
  await expect(viewer.getByLabel("이름")).toBeDisabled();
  await context.close();

  await deleteDestination(page, NAME);
  await page.goto("/settings/accounts");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: `${VIEWER} 삭제` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "삭제" }).click();
  await expect(page.getByTestId("account-row").filter({ hasText: VIEWER })).toHaveCount(0);
});
