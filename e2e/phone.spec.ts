import { expect, type Page, test } from "@playwright/test";
import { FIRST_RUN_PORT } from "../playwright.config";
import { ALERTS_PATH, addDestination, deleteDestination, SAMPLE_URLS, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// At 375 px (a small phone) every page fits the screen: the navigation collapses into a menu,
// tables scroll inside their own box or become cards, forms are one column.
const PHONE = { width: 375, height: 740 };
test.use({ viewport: PHONE });

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width}px wide at ${PHONE.width}px`).toBeLessThanOrEqual(PHONE.width);
}

test("signed-out pages fit a phone", async ({ page }) => {
  await expectNoSidewaysScroll(page, "/login");
  await expectNoSidewaysScroll(page, `http://127.0.0.1:${FIRST_RUN_PORT}/setup`);
});

test("every console page fits a phone, and the navigation is a menu", async ({ page }) => {
  await signIn(page);
  await addDestination(page, "slack", { name: "phone slack", url: SAMPLE_URLS.slack, channel: "#고객문의" });
  const editHref = await page
    .getByTestId("destination-row")
    .filter({ hasText: "phone slack" })
    .getByRole("link", { name: "phone slack" })
    .getAttribute("href");

  // The menu: closed at first (the page content comes first), opened by its button, closed by Escape.
  const menu = page.getByRole("button", { name: "메뉴" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "설정 메뉴" }).getByRole("link", { name: "발송 기록" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await screenshot(page, "phone-menu");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await menu.click();
  await page.getByRole("navigation", { name: "설정 메뉴" }).getByRole("link", { name: "발송 기록" }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  const pages = [
    ALERTS_PATH,
    `${ALERTS_PATH}/new`,
    `${ALERTS_PATH}/new?messenger=mattermost`,
    editHref!,
    "/settings/api-keys",
    "/settings/app/guide",
    "/deliveries",
    "/settings/audit",
    "/settings/accounts",
    "/settings/password",
  ];
  for (const path of pages) await expectNoSidewaysScroll(page, path);
  await page.goto(ALERTS_PATH);
  await screenshot(page, "phone-alerts", { fullPage: true });
  await deleteDestination(page, "phone slack");
});
