import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { ALERTS_PATH, MESSENGER_LABELS, SAMPLE_URLS, secretOf, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

type Messenger = keyof typeof SAMPLE_URLS;

async function openNewForm(page: Page, messenger: Messenger) {
  await page.goto(ALERTS_PATH);
  await page.getByRole("link", { name: "알림 추가" }).first().click();
  await page.getByRole("link", { name: MESSENGER_LABELS[messenger] }).click();
  await expect(page.getByRole("heading", { name: `${MESSENGER_LABELS[messenger]} 알림 추가` })).toBeVisible();
}

const rows = (page: Page) => page.getByTestId("destination-row");
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole("cell", { name, exact: true }) });

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the empty page explains the feature and how to start", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "추가 알림", level: 1 })).toBeVisible();
  await expect(page.getByText("아직 추가한 메신저가 없습니다")).toBeVisible();
  await expect(page.getByRole("link", { name: "알림 추가" })).toBeVisible();
});

test("an invalid URL shows the Korean error inline and saves nothing", async ({ page }) => {
  await openNewForm(page, "slack");
  const url = page.getByLabel("Webhook URL");
  await url.fill("https://hooks.slack.com.evil.example/services/T1/B2/x");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText(/Slack Webhook URL은 .* 형식이어야 합니다/)).toBeVisible();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toBeFocused();
  await screenshot(page, "form-error");

  // Typing in the field takes its error away; the next 저장 judges it again.
  await url.fill("https://hooks.slack.com/workflows/T1/A2/123/abc");
  await expect(url).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText(/워크플로 빌더 웹훅/)).toBeVisible();

  await page.goto(ALERTS_PATH);
  await expect(rows(page)).toHaveCount(0);
});

test("the server refuses what the browser would have refused", async ({ page }) => {
  await openNewForm(page, "agit");
  // Bypass the browser's validation entirely: post the form data through the page's own server action.
  await page.getByLabel("Webhook URL").fill("https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b");
  await page.route("**/settings/integrations/alerts/new**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const body = request.postData()?.replace("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", "not-a-uuid") ?? "";
    return route.continue({ postData: body });
  });
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText(/아지트 Webhook URL 형식이 아닙니다/)).toBeVisible();
  await page.unroute("**/settings/integrations/alerts/new**");
  await page.goto(ALERTS_PATH);
  await expect(rows(page)).toHaveCount(0);
});

test("a retired Teams connector URL is refused with the explanation, and so is one without its signature", async ({ page }) => {
  await openNewForm(page, "teams");
  const url = page.getByLabel("Webhook URL");
  await url.fill("https://contoso.webhook.office.com/webhookb2/0a1b@2c3d/IncomingWebhook/4e5f/6a7b");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText(/종료된 Office 365 커넥터.*Post to a channel when a webhook request is received/)).toBeVisible();
  await expect(url).toHaveAttribute("aria-invalid", "true");

  await url.fill(SAMPLE_URLS.teams.replace(/&sig=.*$/, ""));
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText(/api-version, sp, sv, sig 값까지 있어야 합니다/)).toBeVisible();
  await page.goto(ALERTS_PATH);
  await expect(rows(page)).toHaveCount(0);
});

// The forms of the messengers added after the first six, pictured in the README.
const PICTURED = new Set<Messenger>(["teams", "googlechat", "discord", "dooray"]);

test("one destination of each of the ten messengers can be added", async ({ page }) => {
  // Ten forms, four of them pictured: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  for (const messenger of Object.keys(SAMPLE_URLS) as Messenger[]) {
    await openNewForm(page, messenger);
    await expect(page.getByRole("heading", { name: "설정 안내" })).toBeVisible();
    await expect(page.getByLabel("이름")).toHaveValue(MESSENGER_LABELS[messenger]);
    await expect(page.getByLabel("사용")).toBeChecked();
    await page.getByLabel("이름").fill(`${messenger} 알림`);
    await page.getByLabel("Webhook URL").fill(SAMPLE_URLS[messenger]);
    if (PICTURED.has(messenger)) await screenshot(page, `form-${messenger}`, { fullPage: true });
    if (messenger === "slack") await page.getByLabel(/^채널/).fill("#고객문의");
    if (messenger === "mattermost") await page.getByLabel(/^채널/).fill("town-square");
    if (messenger === "jandi") {
      await expect(page.getByText(/토픽은 잔디에서 웹훅을 만들 때 선택한 토픽 이름과 일치해야 합니다/)).toBeVisible();
      await page.getByRole("button", { name: "저장" }).click();
      await expect(page.getByText("토픽을 입력해 주세요.", { exact: false })).toBeVisible();
      await page.getByLabel("토픽").fill("고객문의");
    }
    await page.getByRole("button", { name: "저장" }).click();
    await expect(page).toHaveURL(/\/settings\/integrations\/alerts\?saved=1$/);
    await expect(page.getByRole("status").filter({ hasText: "저장했습니다." })).toHaveText("저장했습니다.");
    await expect(row(page, `${messenger} 알림`)).toContainText(MESSENGER_LABELS[messenger]);
  }
  await expect(rows(page)).toHaveCount(10);
  await expect(row(page, "slack 알림")).toContainText("#고객문의");
  await expect(row(page, "jandi 알림")).toContainText("고객문의");
  await screenshot(page, "alerts-page", { fullPage: true });
});

test("the SQLite file holds no webhook URL in plain text", async () => {
  const raw = ["alimi.db", "alimi.db-wal"]
    .map((f) => `data/e2e-main/${f}`)
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("");
  expect(raw.length).toBeGreaterThan(0);
  for (const url of Object.values(SAMPLE_URLS)) {
    const secret = Buffer.from(secretOf(url), "utf8").toString("latin1");
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(Buffer.from(url).toString("latin1"));
  }
});

test("after reload the values persist and every URL is masked, never in the page's HTML", async ({ page }) => {
  await page.reload();
  await expect(rows(page)).toHaveCount(10);
  await expect(row(page, "slack 알림")).toContainText("https://hooks.slack.com/…/…A1B2");
  const html = await page.content();
  for (const url of Object.values(SAMPLE_URLS)) {
    const secret = new URL(url).pathname.split("/").slice(2).join("/");
    expect(html).not.toContain(url);
    expect(html).not.toContain(secret);
    expect(html).not.toContain(secretOf(url));
  }
  await row(page, "slack 알림").getByRole("link", { name: /수정/ }).click();
  await expect(page.getByLabel("이름")).toHaveValue("slack 알림");
  await expect(page.getByLabel("Webhook URL")).toHaveValue("");
  await expect(page.getByText("저장된 URL: https://hooks.slack.com/…/…A1B2")).toBeVisible();
  expect(await page.content()).not.toContain("slackSecretA1B2");
});

test("editing other fields keeps the saved URL; 사용 toggles from the list", async ({ page }) => {
  // No server-action answer ever carries a saved URL back to the browser.
  const answers: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "POST") answers.push(r.text().catch(() => ""));
  });
  await row(page, "mattermost 알림").getByRole("link", { name: /수정/ }).click();
  await page.getByLabel("이름").fill("CS 매터모스트");
  await page.getByLabel(/^채널/).fill("cs-alerts");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(row(page, "CS 매터모스트")).toContainText("cs-alerts");
  await expect(row(page, "CS 매터모스트")).toContainText("https://chat.example.com/…/…wxyz");

  const toggle = page.getByRole("switch", { name: "CS 매터모스트 사용" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  // The switch flips at once (optimistically); the server's answer is awaited before reloading.
  const saved = page.waitForResponse((r) => r.request().method() === "POST");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await saved;
  await page.reload();
  await expect(page.getByRole("switch", { name: "CS 매터모스트 사용" })).toHaveAttribute("aria-checked", "false");

  // And from the form: 사용 is a checkbox there.
  await row(page, "CS 매터모스트").getByRole("link", { name: /수정/ }).click();
  await expect(page.getByLabel("사용")).not.toBeChecked();
  await page.getByLabel("사용").check();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("switch", { name: "CS 매터모스트 사용" })).toHaveAttribute("aria-checked", "true");
  const bodies = await Promise.all(answers);
  expect(bodies.length).toBeGreaterThan(2);
  for (const body of bodies) expect(body).not.toContain("abcdefghijklmnopqrstuvwxyz");
});

test("a second destination of the same messenger is allowed", async ({ page }) => {
  await openNewForm(page, "slack");
  await page.getByLabel("이름").fill("슬랙 야간");
  await page.getByLabel("Webhook URL").fill("https://hooks.slack.com/services/T0E2ETEST/B0NIGHT/nightSecret9Z");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(rows(page)).toHaveCount(11);
});

test("삭제 asks for confirmation; 취소 keeps it, 삭제 removes it", async ({ page }) => {
  await row(page, "슬랙 야간").getByRole("link", { name: /수정/ }).click();
  await page.getByRole("button", { name: "삭제" }).click();
  const dialog = page.getByRole("dialog", { name: "이 알림을 삭제할까요?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "취소" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "삭제" }).click();
  await dialog.getByRole("button", { name: "삭제" }).click();
  await expect(page).toHaveURL(/deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "삭제했습니다." })).toHaveText("삭제했습니다.");
  await expect(rows(page)).toHaveCount(10);
  await expect(row(page, "슬랙 야간")).toHaveCount(0);
});

test("the language switch turns the console English and back", async ({ page }) => {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Messenger alerts", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Add alert" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Messenger alerts", level: 1 })).toBeVisible();

  // Validation messages follow the locale too.
  await page.getByRole("link", { name: "Add alert" }).click();
  await page.getByRole("link", { name: "Slack", exact: true }).click();
  await page.getByLabel("Webhook URL").fill("http://hooks.slack.com/services/T1/B2/x");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Only addresses starting with https:// can be used.")).toBeVisible();

  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("button", { name: "저장" })).toBeVisible();
});
