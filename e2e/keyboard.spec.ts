import { expect, type Locator, type Page, test } from "@playwright/test";
import { ALERTS_PATH, FAKE, FAKE_PATHS, fakeControl, fakeRequests, signIn } from "./helpers";

// Everything an admin does with a destination, with the keyboard alone (Tab, Shift+Tab, Enter,
// Space, Escape and typing): no click, no mouse. The focus must always be visible.

/** Presses Tab until `target` has the focus; fails if it never gets it (it is not reachable). */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(target);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** A focused control shows an outline (or a box shadow) that a sighted keyboard user can see. */
async function expectVisibleFocus(target: Locator) {
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0, shadow: style.boxShadow !== "none" };
  });
  expect(ring.outline || ring.shadow, "the focused control shows a focus ring").toBe(true);
}

test("a destination is added, tested, saved, switched off and deleted with the keyboard alone", async ({ page }) => {
  await fakeControl("reset");
  await signIn(page);
  await page.goto(ALERTS_PATH);

  await tabTo(page, page.getByRole("link", { name: "알림 추가" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/new$/);
  await tabTo(page, page.getByRole("link", { name: "잔디(Jandi)" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/messenger=jandi$/);

  await tabTo(page, page.getByLabel("이름"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("키보드 잔디");
  await tabTo(page, page.getByLabel("Webhook URL"));
  await page.keyboard.type(`${FAKE}${FAKE_PATHS.jandi}`);
  await tabTo(page, page.getByLabel("토픽"));
  await page.keyboard.type("고객문의");

  await tabTo(page, page.getByRole("button", { name: "테스트 전송" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "HTTP" })).toContainText("성공");
  expect(await fakeRequests(FAKE_PATHS.jandi)).toHaveLength(1);

  // 저장 is before 테스트 전송 in the tab order: back with Shift+Tab.
  const save = page.getByRole("button", { name: "저장" });
  for (let i = 0; i < 5 && !(await save.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/saved=1$/);
  const row = page.getByTestId("destination-row").filter({ hasText: "키보드 잔디" });
  await expect(row).toContainText("성공 · HTTP 200");

  // 사용 off with Space, from the list.
  const toggle = row.getByRole("switch", { name: /키보드 잔디/ });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await tabTo(page, toggle);
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(row.getByRole("switch")).toHaveAttribute("aria-checked", "false");

  // 삭제: the dialog opens on 취소, Escape closes it, Enter on 삭제 confirms.
  await tabTo(page, row.getByRole("link", { name: /수정/ }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "삭제" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "취소" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "삭제" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "취소" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "삭제" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/deleted=1$/);
  await expect(page.getByTestId("destination-row").filter({ hasText: "키보드 잔디" })).toHaveCount(0);
});
