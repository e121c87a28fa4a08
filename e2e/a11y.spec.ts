import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { FIRST_RUN_PORT } from "../playwright.config";
import { ALERTS_PATH, addDestination, deleteDestination, SAMPLE_URLS, signIn } from "./helpers";

// axe-core on every page, in both languages, signed out, as 관리자 and as 뷰어, with forms
// showing their errors and dialogs open: no serious or critical violation anywhere.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  expect(summary, `${what} (${page.url()})`).toEqual([]);
}

async function setLocale(page: Page, locale: "ko" | "en") {
  const url = new URL(page.url() === "about:blank" ? "http://127.0.0.1/" : page.url());
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, domain: url.hostname, path: "/" }]);
}

let editPath = "";
const viewer = { email: "axe-reader@alimi.test", password: "" };

function consolePages() {
  return [
    ALERTS_PATH,
    `${ALERTS_PATH}/new`,
    `${ALERTS_PATH}/new?messenger=jandi`,
    editPath,
    "/settings/api-keys",
    "/settings/app/guide",
    "/deliveries",
    "/settings/audit",
    "/settings/accounts",
    "/settings/password",
  ];
}

test("signed-out pages, both languages", async ({ page }) => {
  for (const locale of ["ko", "en"] as const) {
    await page.goto("/login");
    await setLocale(page, locale);
    await page.reload();
    await expectAccessible(page, `login (${locale})`);
    // The form with its errors showing.
    await page.getByLabel(locale === "ko" ? "이메일" : "Email").fill("not-an-address");
    await page.getByRole("button", { name: locale === "ko" ? "로그인" : "Sign in", exact: true }).click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
    await expectAccessible(page, `login with errors (${locale})`);
    await page.goto(`http://127.0.0.1:${FIRST_RUN_PORT}/setup`);
    await setLocale(page, locale);
    await page.reload();
    await expectAccessible(page, `setup (${locale})`);
  }
});

test("every console page as 관리자, both languages, with errors and dialogs", async ({ page }) => {
  await signIn(page);
  await addDestination(page, "slack", { name: "a11y slack", url: SAMPLE_URLS.slack, channel: "#고객문의" });
  editPath = (await page
    .getByTestId("destination-row")
    .filter({ hasText: "a11y slack" })
    .getByRole("link", { name: "a11y slack" })
    .getAttribute("href"))!;
  await page.goto("/settings/accounts");
  await page.getByLabel("이메일").fill(viewer.email);
  await page.getByLabel("권한").selectOption("viewer");
  await page.getByRole("button", { name: "초대" }).click();
  viewer.password = (await page.getByTestId("one-time-password").textContent()) ?? "";

  for (const locale of ["ko", "en"] as const) {
    await setLocale(page, locale);
    for (const path of consolePages()) {
      await page.goto(path);
      await expectAccessible(page, `${path} (${locale})`);
    }
    // A destination form showing its errors.
    await page.goto(`${ALERTS_PATH}/new?messenger=slack`);
    await page.locator("#webhookUrl").fill("http://not-slack.example.com/x");
    await page.getByRole("button", { name: locale === "ko" ? "저장" : "Save", exact: true }).click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
    await expectAccessible(page, `destination form with errors (${locale})`);
    // The delete confirmation dialog, open.
    await page.goto(editPath);
    await page
      .getByRole("button", { name: locale === "ko" ? "삭제" : "Delete", exact: true })
      .first()
      .click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible(page, `delete dialog (${locale})`);
    await page.keyboard.press("Escape");
  }
  await setLocale(page, "ko");
});

test("every console page as 뷰어, both languages", async ({ browser }: { browser: Browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, viewer.email, viewer.password);
  for (const locale of ["ko", "en"] as const) {
    await setLocale(page, locale);
    for (const path of consolePages().filter((p) => !p.includes("/new") && p !== "/settings/accounts")) {
      await page.goto(path);
      await expectAccessible(page, `${path} as 뷰어 (${locale})`);
    }
  }
  await context.close();
});

test.afterAll(async ({ browser }) => {
  // The console specs share this server: leave it as it was found.
  const page = await browser.newPage();
  await signIn(page);
  await deleteDestination(page, "a11y slack");
  await page.goto("/settings/accounts");
  await page.getByRole("button", { name: new RegExp(viewer.email) }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /삭제|제거/ })
    .click();
  await expect(page.getByTestId("account-row").filter({ hasText: viewer.email })).toHaveCount(0);
  await page.close();
});
