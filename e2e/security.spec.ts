import { expect, test } from "@playwright/test";
import { ALERTS_PATH, signIn } from "./helpers";
import { type AlimiProcess, createApiKey, freshDataDir, inquiry, queryDb, startAlimi } from "./support/alimi-process";
import { screenshot } from "./support/screenshot";

// Abuse tests: headers and CSP on the console, text that tries to run as script, server actions
// without a session, the per-key rate limit, and 2,000 fuzzed dispatch requests.

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("every page carries a strict CSP and the security headers", async ({ request }) => {
  const res = await request.get("/login");
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(res.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  const api = await request.post("/api/v1/alerts", { data: {} });
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a destination named like markup renders as text and runs nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page);
  const name = "<img src=x onerror=alert(1)>";
  await page.goto(`${ALERTS_PATH}/new?messenger=agit`);
  await page.getByLabel("이름").fill(name);
  await page.getByLabel("Webhook URL").fill("https://agit.io/webhook/99999999-2222-4333-8444-555555555555");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("a server action refuses to work once the session is gone", async ({ page, context }) => {
  await signIn(page);
  await page.goto(`${ALERTS_PATH}/new?messenger=hiworks`);
  await page.getByLabel("이름").fill("no session");
  await page.getByLabel("Webhook URL").fill("https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef");
  await context.clearCookies();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("로그인이 만료되었습니다. 다시 로그인해 주세요.")).toBeVisible();
  await signIn(page);
  await expect(page.getByRole("cell", { name: "no session", exact: true })).toHaveCount(0);
});

test.describe("dispatch API under abuse", () => {
  let server: AlimiProcess;
  let dataDir = "";
  let key = "";

  test.beforeAll(async () => {
    dataDir = freshDataDir("security");
    server = await startAlimi(3120, dataDir, { ALERTS_API_RATE_LIMIT: "0" });
    key = createApiKey(dataDir);
  });
  test.afterAll(() => server.kill("SIGKILL"));

  test("more than the per-key limit in a second answers 429 with Retry-After", async () => {
    const limitedDir = freshDataDir("rate-limit");
    const limitedServer = await startAlimi(3121, limitedDir, { ALERTS_API_RATE_LIMIT: "5" });
    const limitedKey = createApiKey(limitedDir);
    try {
      await expectRateLimited(limitedServer.url, limitedKey);
    } finally {
      await limitedServer.kill("SIGKILL");
    }
  });

  async function expectRateLimited(url: string, key: string) {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${url}/api/v1/alerts`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(inquiry(`rl${i}`)),
        }),
      ),
    );
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // The burst may straddle two one-second windows: at most 5 in each.
    expect(answers.filter((r) => r.status === 202).length).toBeLessThanOrEqual(10);
    expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0].json()).toMatchObject({ error: { code: "rate_limited" } });
  }

  test("2,000 fuzzed requests all get a 4xx envelope, the server stays up, nothing is stored", async () => {
    const before = queryDb<{ n: number }>(dataDir, "select count(*) n from alerts")[0].n;
    const cases = fuzzCases(key, 2_000);
    const statuses = new Map<number, number>();
    let index = 0;
    const worker = async () => {
      while (index < cases.length) {
        const c = cases[index++];
        const res = await fetch(`${server.url}/api/v1/alerts`, { method: "POST", headers: c.headers, body: c.body as BodyInit });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `case ${c.name}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `case ${c.name}`).toBeLessThan(500);
        const json = JSON.parse(text);
        expect(json.error, `case ${c.name}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 401, 413, 415, 422]));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(queryDb<{ n: number }>(dataDir, "select count(*) n from alerts")[0].n).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

interface FuzzCase {
  name: string;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Deterministic pseudo-random generator, so a failing case can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

function fuzzCases(key: string, count: number): FuzzCase[] {
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const json = { "content-type": "application/json" };
  const auth = { authorization: `Bearer ${key}` };
  const valid = JSON.stringify(inquiry("fuzz"));
  const wrongValues: unknown[] = [null, 42, -1, true, [], {}, "", "x".repeat(300), [1, 2], { a: 1 }, 1e308];
  const fields = [
    "event",
    "session",
    "session.id",
    "session.url",
    "session.channel",
    "customer",
    "customer.name",
    "customer.email",
    "message",
    "agent",
    "occurredAt",
    "id",
  ];
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const setPath = (obj: Record<string, unknown>, path: string, value: unknown) => {
    const parts = path.split(".");
    let target = obj;
    for (const p of parts.slice(0, -1)) {
      target[p] ??= {};
      target = target[p] as Record<string, unknown>;
    }
    target[parts.at(-1)!] = value;
  };

  const generators: ((i: number) => FuzzCase)[] = [
    (i) => ({
      name: `random bytes ${i}`,
      headers: { ...json, ...auth },
      body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))),
    }),
    (i) => ({ name: `truncated ${i}`, headers: { ...json, ...auth }, body: valid.slice(0, Math.floor(random() * (valid.length - 1))) }),
    (i) => {
      const body = JSON.parse(valid);
      const field = pick(fields);
      const value = pick(wrongValues);
      setPath(body, field, value);
      // A long string is a fine message: keep the case invalid some other way.
      if (field === "message" && typeof value === "string" && value) body.event = 42;
      return { name: `wrong type ${i}`, headers: { ...json, ...auth }, body: JSON.stringify(body) };
    },
    (i) => ({
      name: `huge string ${i}`,
      headers: { ...json, ...auth },
      body: JSON.stringify({ ...JSON.parse(valid), message: "가".repeat(30_000) }),
    }),
    (i) => ({
      name: `huge array ${i}`,
      headers: { ...json, ...auth },
      body: JSON.stringify({ ...JSON.parse(valid), customer: Array(5_000).fill("x") }),
    }),
    (i) => ({
      name: `deep nesting ${i}`,
      headers: { ...json, ...auth },
      body: `{"event":"message.submitted","session":${deep(2_000 + i)}}`,
    }),
    (i) => ({
      name: `proto keys ${i}`,
      headers: { ...json, ...auth },
      body: `{"__proto__":{"polluted":true,"event":"session.waiting"},"constructor":{"prototype":{"polluted":true}},"customer":{"name":"x"}}`,
    }),
    (i) => ({
      name: `invalid utf-8 ${i}`,
      headers: { ...json, ...auth },
      body: Buffer.concat([Buffer.from('{"event":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]),
    }),
    (i) => ({
      name: `content type ${i}`,
      headers: {
        ...auth,
        "content-type": pick([
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "application/jsonx",
          "",
          "application/xml",
        ]),
      },
      body: valid,
    }),
    (i) => ({ name: `no auth ${i}`, headers: json, body: valid }),
    (i) => ({
      name: `bad auth ${i}`,
      headers: {
        ...json,
        authorization: pick([
          "Bearer",
          "Bearer ",
          `Basic ${key}`,
          `Bearer ${key}x`,
          "Bearer alm_live_",
          `bearer${key}`,
          "Token abc",
          `Bearer ${"a".repeat(5000)}`,
        ]),
      },
      body: valid,
    }),
    (i) => ({ name: `empty ${i}`, headers: { ...json, ...auth }, body: "" }),
    (i) => ({ name: `not an object ${i}`, headers: { ...json, ...auth }, body: pick(["[]", "null", "42", '"text"', "true", "[{}]"]) }),
    (i) => ({
      name: `bad idempotency key ${i}`,
      headers: { ...json, ...auth, "idempotency-key": pick(["", " ", "x".repeat(300), "한글키"]) },
      body: JSON.stringify({ ...JSON.parse(valid), customer: {} }),
    }),
  ];
  return Array.from({ length: count }, (_, i) => generators[i % generators.length](i))
    .filter((c) => {
      // Headers must be sendable at all: fetch refuses non-ASCII header values itself.
      return Object.values(c.headers).every((v) => /^[\x20-\x7e]*$/.test(v));
    })
    .concat(Array.from({ length: 40 }, (_, i) => ({ name: `pad ${i}`, headers: { ...json, ...auth }, body: `{"event":${i}}` })));
}

test.describe("roles and the audit log", () => {
  const viewer = { email: "viewer@alimi.test", password: "" };

  test("an admin invites a 뷰어, who sees everything masked and can change nothing", async ({ page, browser }) => {
    await signIn(page);
    await page.getByRole("link", { name: "계정" }).click();
    await page.getByLabel("이메일").fill(viewer.email);
    await page.getByLabel("권한").selectOption("viewer");
    await page.getByRole("button", { name: "초대" }).click();
    viewer.password = (await page.getByTestId("one-time-password").textContent()) ?? "";
    expect(viewer.password.length).toBeGreaterThan(10);
    await expect(page.getByTestId("account-row").filter({ hasText: viewer.email })).toContainText("뷰어");

    // The admin's page keeps its form; the viewer's session cookie replaces the admin's.
    const row = page.getByTestId("destination-row").first();
    await page.goto(ALERTS_PATH);
    await row.getByRole("link").click();
    const viewerContext = await browser.newContext();
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    const viewerCookie = (await viewerContext.cookies()).find((c) => c.name === "alimi_session")!;
    await page.context().addCookies([viewerCookie]);
    await page.getByRole("button", { name: "저장" }).click();
    await expect(page.getByText("뷰어 계정은 바꿀 수 없습니다. 관리자에게 요청해 주세요.")).toBeVisible();

    // What the viewer sees: no way to add, switch, save, test or delete.
    await expect(viewerPage.getByRole("heading", { name: "추가 알림", level: 1 })).toBeVisible();
    await expect(viewerPage.getByRole("link", { name: "알림 추가" })).toHaveCount(0);
    await expect(viewerPage.getByRole("switch").first()).toBeDisabled();
    await expect(viewerPage.getByRole("link", { name: "계정" })).toHaveCount(0);
    await viewerPage.getByTestId("destination-row").first().getByRole("link", { name: /보기/ }).click();
    await expect(viewerPage.getByLabel("이름")).toBeDisabled();
    for (const name of ["저장", "테스트 전송", "삭제"]) await expect(viewerPage.getByRole("button", { name })).toHaveCount(0);
    await viewerPage.goto(`${ALERTS_PATH}/new?messenger=slack`);
    await expect(viewerPage).toHaveURL(new RegExp(`${ALERTS_PATH}$`));
    await viewerContext.close();

    await page.goto("/settings/audit");
    await expect(page.getByTestId("audit-row").filter({ hasText: "계정 초대" }).first()).toContainText(viewer.email);
  });

  test("the 감사 기록 shows who did what, from where, and no secret", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("이메일").fill("admin@alimi.test");
    await page.getByLabel("비밀번호").fill("a-wrong-password");
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
    await signIn(page);
    await page.goto(`${ALERTS_PATH}/new?messenger=agit`);
    await page.getByLabel("이름").fill("audited agit");
    await page.getByLabel("Webhook URL").fill("https://agit.io/webhook/77777777-2222-4333-8444-555555555555");
    await page.getByRole("button", { name: "저장" }).click();
    await expect(page).toHaveURL(/saved=1$/);
    await page.getByRole("link", { name: "감사 기록" }).click();
    await expect(page.getByRole("heading", { name: "감사 기록", level: 1 })).toBeVisible();
    const rows = page.getByTestId("audit-row");
    await expect(rows.filter({ hasText: "알림 추가" }).first()).toContainText("admin@alimi.test");
    await expect(rows.filter({ hasText: "알림 추가" }).first()).toContainText("audited agit");
    await expect(rows.filter({ hasText: "로그인 실패" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "로그인" }).first()).toContainText("127.0.0.1");
    const html = await page.content();
    expect(html).not.toContain("77777777-2222-4333-8444-555555555555");
    expect(html).not.toMatch(/alm_live_[A-Za-z0-9_-]{20}/);
  });

  test("an invited account changes its one-time password; the old one and other sign-ins stop working", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(page, viewer.email, viewer.password);
    await signIn(elsewhere, viewer.email, viewer.password);

    await page.getByRole("link", { name: "비밀번호 변경" }).click();
    await expect(page.getByRole("heading", { name: "비밀번호 변경", level: 1 })).toBeVisible();
    const fresh = "a-new-viewer-password";
    await page.getByLabel("현재 비밀번호").fill("not-my-password");
    await page.getByLabel("새 비밀번호", { exact: true }).fill(fresh);
    await page.getByLabel("새 비밀번호 확인").fill(fresh);
    await page.getByRole("button", { name: "비밀번호 변경" }).click();
    await expect(page.getByText("현재 비밀번호가 올바르지 않습니다.")).toBeVisible();
    await expect(page.getByLabel("새 비밀번호", { exact: true })).toHaveValue(""); // never echoed back

    await page.getByLabel("현재 비밀번호").fill(viewer.password);
    await page.getByLabel("새 비밀번호", { exact: true }).fill(fresh);
    await page.getByLabel("새 비밀번호 확인").fill(fresh);
    await page.getByRole("button", { name: "비밀번호 변경" }).click();
    await expect(page.getByText("비밀번호를 바꿨습니다.", { exact: false })).toBeVisible();
    await screenshot(page, "password-change");

    // The other browser is signed out; this one stays signed in.
    await elsewhere.goto(ALERTS_PATH);
    await expect(elsewhere).toHaveURL(/\/login/);
    await page.goto(ALERTS_PATH);
    await expect(page.getByRole("heading", { name: "추가 알림", level: 1 })).toBeVisible();

    // The one-time password no longer signs in; the new one does.
    await page.getByRole("button", { name: "로그아웃" }).click();
    await page.getByLabel("이메일").fill(viewer.email);
    await page.getByLabel("비밀번호").fill(viewer.password);
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page.getByText("이메일 또는 비밀번호가 올바르지 않습니다.")).toBeVisible();
    await signIn(page, viewer.email, fresh);
    await context.close();
  });
});
