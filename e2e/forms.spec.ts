import { type Browser, expect, type Page, test } from "@playwright/test";
import { ALERTS_PATH, addDestination, SAMPLE_URLS, signIn } from "./helpers";

// Every form is validated by its server action and shows the answer in place; every switch and
// button that calls an action says so when it did not work (role="alert"), never silently.

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

const row = (page: Page, name: string) =>
  page.getByTestId("destination-row").filter({ has: page.getByRole("cell", { name, exact: true }) });

/** Another admin, in another browser, deletes a destination. */
async function deleteElsewhere(browser: Browser, name: string) {
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other);
  await row(other, name).getByRole("link", { name: /수정/ }).click();
  await other.getByRole("button", { name: "삭제" }).click();
  await other.getByRole("dialog").getByRole("button", { name: "삭제" }).click();
  await expect(other).toHaveURL(/deleted=1$/);
  await context.close();
}

test("사용 and 실패 알림 say so when the destination was deleted in another browser", async ({ page, browser }) => {
  const name = "곧 사라질 하이웍스";
  await addDestination(page, "hiworks", { name, url: SAMPLE_URLS.hiworks });
  await page.getByLabel("실패 알림 받을 곳").selectOption({ label: `${name} · 하이웍스(Hiworks)` });
  await deleteElsewhere(browser, name);

  const toggle = page.getByRole("switch", { name: `${name} 사용` });
  await toggle.click();
  await expect(row(page, name).getByRole("alert")).toHaveText("이 알림 설정을 찾을 수 없습니다. 이미 삭제되었을 수 있습니다.");
  await expect(toggle).toHaveAttribute("aria-checked", "true"); // back to what is saved

  const failureAlert = page.getByRole("region", { name: "실패 알림" });
  await failureAlert.getByRole("button", { name: "저장" }).click();
  await expect(failureAlert.getByRole("alert")).toHaveText("이 알림 설정을 찾을 수 없습니다. 이미 삭제되었을 수 있습니다.");
  await expect(failureAlert.getByRole("status")).toHaveText("");
});

test("an action that gets no answer at all (the connection dropped) says so and offers 다시 시도", async ({ page }) => {
  const name = "연결이 끊긴 아지트";
  await addDestination(page, "agit", { name, url: SAMPLE_URLS.agit });
  // The network fails under the server action: nothing of ours is replaced, the request just dies.
  const actionUrl = (url: URL) => url.pathname === ALERTS_PATH;
  await page.route(actionUrl, (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await page.getByRole("switch", { name: `${name} 사용` }).click();
  const alert = page.getByRole("alert").filter({ hasText: "요청을 처리하지 못했습니다" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("heading")).toBeFocused();
  await page.unroute(actionUrl);
  await alert.getByRole("button", { name: "다시 시도" }).click();
  await expect(page.getByRole("switch", { name: `${name} 사용` })).toBeVisible();
  await row(page, name).getByRole("link", { name: /수정/ }).click();
  await page.getByRole("button", { name: "삭제" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "삭제" }).click();
  await expect(page).toHaveURL(/deleted=1$/);
});

test("API 키: the server's answer appears under the name, takes the focus, and goes on typing", async ({ page }) => {
  await page.goto("/settings/api-keys");
  const name = page.getByLabel("키 이름");
  await page.getByRole("button", { name: "키 만들기" }).click();
  await expect(page.getByText("키 이름을 입력해 주세요.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();

  await name.fill("x".repeat(51));
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("키 이름을 입력해 주세요.")).toHaveCount(0);
  await page.getByRole("button", { name: "키 만들기" }).click();
  await expect(page.getByText("키 이름은 50자 이하로 입력해 주세요.")).toBeVisible();

  await name.fill("forms spec");
  await page.getByRole("button", { name: "키 만들기" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^alm_live_/);
  await expect(name).toHaveValue("");
});

test("계정: a bad email is refused in place; an existing one is refused with the reason", async ({ page }) => {
  await page.goto("/settings/accounts");
  const email = page.getByLabel("이메일");
  await email.fill("not-an-email");
  await page.getByRole("button", { name: "초대" }).click();
  await expect(page.getByText("올바른 이메일 주소를 입력해 주세요.")).toBeVisible();
  await expect(email).toBeFocused();

  await email.fill("admin@alimi.test");
  await page.getByRole("button", { name: "초대" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "이미 있는 이메일입니다." })).toBeVisible();
  await expect(page.getByTestId("one-time-password")).toHaveCount(0);
});

test("상담 안내 is refused in place when the page offers a time zone the server does not know", async ({ page }) => {
  await page.goto("/settings/app/guide");
  const zone = page.getByLabel("시간대");
  // A stale or tampered page: the option's value is not a time zone.
  await zone.evaluate((select: HTMLSelectElement) => {
    select.options[0].value = "Mars/Olympus_Mons";
    select.selectedIndex = 0;
  });
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("목록에서 시간대를 골라 주세요.")).toBeVisible();
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  await expect(zone).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "표시된 항목을 확인해 주세요." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("시간대")).toHaveValue("Asia/Seoul");
});
