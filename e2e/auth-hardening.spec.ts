import { type Browser, expect, type Page, test } from "@playwright/test";
import { E2E_PORT } from "../playwright.config";
import { ALERTS_PATH, signIn } from "./helpers";
import { ADMIN, type AlimiProcess, freshDataDir, startAlimi } from "./support/alimi-process";

// Findings of the security review: pages answered without a CSP when asked as a prefetch, a
// ?next= that left the site after sign-in, and an X-Forwarded-For header that the client made up
// being believed by the sign-in throttle and the 감사 기록.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PREFETCH_HEADERS: Record<string, string>[] = [
  { "next-router-prefetch": "1" },
  { purpose: "prefetch" },
  { "sec-purpose": "prefetch" },
  { rsc: "1", "next-router-prefetch": "1" },
];

function expectStrictCsp(csp: string | undefined, what: string) {
  expect(csp, what).toBeTruthy();
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
}

test("pages asked for as a prefetch carry the same CSP", async ({ page, request }) => {
  for (const headers of PREFETCH_HEADERS) {
    // Next may first answer 307 to add its cache-busting ?_rsc=; the page is what counts.
    const login = await request.get("/login", { headers });
    expect(login.status()).toBe(200);
    expectStrictCsp(login.headers()["content-security-policy"], `/login ${JSON.stringify(headers)}`);
  }
  await signIn(page);
  for (const headers of PREFETCH_HEADERS) {
    const console = await page.request.get(ALERTS_PATH, { headers });
    expect(console.status()).toBe(200);
    expectStrictCsp(console.headers()["content-security-policy"], `${ALERTS_PATH} ${JSON.stringify(headers)}`);
  }
  // Below /api/ nothing is meant to run at all, a 404 page included.
  for (const path of ["/api/health", "/api/no-such-thing", "/api"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(res.headers()["content-security-policy"], path).toMatch(/default-src 'none'|script-src/);
  }
});

test("a ?next= that a browser would read as another site stays on the console", async ({ page }) => {
  // Were the redirect to leave, it would land here instead of failing on DNS.
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ body: "evil", contentType: "text/html" }),
  );
  for (const next of ["/\t/evil.example", "/..//evil.example", "/\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("이메일").fill("admin@alimi.test");
    await page.getByLabel("비밀번호").fill("correct-horse-battery");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page, JSON.stringify(next)).toHaveURL(`http://127.0.0.1:${E2E_PORT}${ALERTS_PATH}`);
  }
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent("/deliveries?status=failed")}`);
  await page.getByLabel("이메일").fill("admin@alimi.test");
  await page.getByLabel("비밀번호").fill("correct-horse-battery");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${E2E_PORT}/deliveries?status=failed`);
});

async function adminPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  return page;
}

async function tryPassword(page: Page, password: string, forwardedFor: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": forwardedFor });
  await page.getByLabel("이메일").fill(ADMIN.email);
  await page.getByLabel("비밀번호").fill(password);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "로그인" }).click()]);
}

/** The 주소 column of the 감사 기록, newest first. */
async function auditAddresses(page: Page): Promise<string[]> {
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "감사 기록" })).toBeVisible();
  return page.getByTestId("audit-row").locator("td:nth-child(5)").allInnerTexts();
}

test.describe("X-Forwarded-For", () => {
  let server: AlimiProcess | undefined;
  test.afterEach(async () => {
    await server?.kill("SIGKILL");
    server = undefined;
  });

  test("made up by the client: still throttled, and never in the 감사 기록", async ({ browser, page }) => {
    server = await startAlimi(E2E_PORT + 30, freshDataDir("forged-xff"));
    const admin = await adminPage(browser, server.url);
    await page.goto(`${server.url}/login`);
    for (let i = 1; i <= 5; i++) {
      await tryPassword(page, `wrong-${i}`, `198.51.100.${i}`);
      await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
    }
    // A sixth address of the attacker's choosing does not buy a sixth guess.
    await tryPassword(page, "wrong-6", "198.51.100.6");
    await expect(page.getByText(/로그인 시도가 너무 많습니다\. \d+초 후에 다시 시도해 주세요\./)).toBeVisible();

    const addresses = await auditAddresses(admin);
    expect(addresses.length).toBeGreaterThanOrEqual(6); // the sign-in and five failures
    expect(
      addresses.every((a) => a === "127.0.0.1"),
      addresses.join(", "),
    ).toBe(true);
    expect(addresses.join(" ")).not.toContain("198.51.100.");
  });

  test("from a proxy named in TRUST_PROXY: the address it saw is the client's", async ({ browser, page }) => {
    server = await startAlimi(E2E_PORT + 31, freshDataDir("trusted-proxy"), { TRUST_PROXY: "127.0.0.1" });
    await page.goto(`${server.url}/login`);
    // What the client claimed (6.6.6.6) is left of what the trusted proxy appended (203.0.113.9).
    await tryPassword(page, "wrong", "6.6.6.6, 203.0.113.9");
    await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
    const admin = await adminPage(browser, server.url);
    expect((await auditAddresses(admin)).slice(0, 2)).toEqual(["127.0.0.1", "203.0.113.9"]);
  });
});
