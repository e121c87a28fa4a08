import type { Page } from "@playwright/test";

/**
 * A picture of the console, to look at after a run: reports/screenshots/ every time, and the
 * README's docs/ only with UPDATE_DOCS=1 (`UPDATE_DOCS=1 npm test`), so running the tests
 * leaves the work tree as it was.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.UPDATE_DOCS === "1" ? "docs" : "reports/screenshots";
  await page.screenshot({ path: `${dir}/${name}.png`, ...options });
}
