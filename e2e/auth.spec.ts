import { expect, test } from "@playwright/test";
import { ADMIN, FIRST_RUN_PORT } from "../playwright.config";
import { ALERTS_PATH, signIn } from "./helpers";

test("a direct visit to the console is sent to sign-in", async ({ page }) => {
  await page.goto(ALERTS_PATH);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "로그인" })).toBeVisible();
  await expect(page.getByLabel("이메일")).toBeVisible();
  await expect(page.getByLabel("비밀번호")).toBeVisible();
});

test("a wrong password is refused; the right one signs in; 로그아웃 ends the session", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("이메일").fill(ADMIN.email);
  await page.getByLabel("비밀번호").fill("not-the-password");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  await signIn(page);
  const cookie = (await context.cookies()).find((c) => c.name === "alimi_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(ALERTS_PATH);
  await expect(page).toHaveURL(/\/login$/);
});

test.describe("first run, with no admin configured", () => {
  const base = `http://127.0.0.1:${FIRST_RUN_PORT}`;

  test("asks to create the first admin, then slows down repeated wrong passwords", async ({ page }) => {
    await page.goto(`${base}${ALERTS_PATH}`);
    await expect(page).toHaveURL(`${base}/setup`);
    await expect(page.getByRole("heading", { name: "첫 관리자 만들기" })).toBeVisible();

    await page.getByLabel("이메일").fill("owner@example.com");
    await page.getByLabel("비밀번호", { exact: true }).fill("short");
    await page.getByLabel("비밀번호 확인").fill("short");
    await page.getByRole("button", { name: "관리자 만들기" }).click();
    await expect(page.getByText("비밀번호는 10자 이상이어야 합니다.")).toBeVisible();

    await page.getByLabel("비밀번호", { exact: true }).fill("a-long-enough-password");
    await page.getByLabel("비밀번호 확인").fill("a-long-enough-password");
    await page.getByRole("button", { name: "관리자 만들기" }).click();
    await expect(page).toHaveURL(`${base}${ALERTS_PATH}`);
    await expect(page.getByRole("heading", { name: "추가 알림" })).toBeVisible();

    // The first-run page is gone once an admin exists.
    await page.goto(`${base}/setup`);
    await expect(page).toHaveURL(/\/login$|\/settings\/integrations\/alerts$/);

    await page.getByRole("button", { name: "로그아웃" }).click();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("이메일").fill("owner@example.com");
      await page.getByLabel("비밀번호").fill(`wrong-${i}`);
      // Wait for this attempt's answer, or the next fill races the form reset that follows it.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "로그인" }).click(),
      ]);
      await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
      // The same message stays from the last try: the form's own reset (React clears it once the
      // answer is rendered) is what says this try is over.
      await expect(page.getByLabel("비밀번호")).toHaveValue("");
    }
    // Even the right password waits now.
    await page.getByLabel("이메일").fill("owner@example.com");
    await page.getByLabel("비밀번호").fill("a-long-enough-password");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page.getByText(/로그인 시도가 너무 많습니다\. \d+초 후에 다시 시도해 주세요\./)).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });
});
