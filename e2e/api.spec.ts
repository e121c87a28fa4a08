import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DISPATCH_PORT } from "../playwright.config";
import { ALERTS_PATH, addDestination, FAKE, fakeRequests, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// The read side of the public API on the production server (POST /api/v1/alerts is its node:http
// fast path, the GETs go through Next): GET /api/v1/destinations, a dryRun dispatch, the OpenAPI
// document, and the curl examples under API 키. The spec shares the server with others, so it adds
// its own destination (at its own fake path) and API key, and removes both at the end.
const BASE = `http://127.0.0.1:${DISPATCH_PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

const NAME = "api spec kakao";
const KEY_NAME = "api spec";
const PATH = "/webhook/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
let apiKey = "";
let destinationId = "";

const editLink = (page: Page) => page.getByTestId("destination-row").filter({ hasText: NAME }).getByRole("link");

function dryRun(request: APIRequestContext, sessionId: string, channel: string, extra: Record<string, unknown> = {}) {
  return request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    data: Buffer.from(
      JSON.stringify({
        event: "session.waiting",
        session: { id: sessionId, url: `https://chat.example.com/ws/sessions/${sessionId}`, channel },
        customer: { name: `API ${sessionId}` },
        dryRun: true,
        ...extra,
      }),
    ),
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ baseURL: BASE });
  await signIn(page);
  await page.goto("/settings/api-keys");
  await page.getByLabel("키 이름").fill(KEY_NAME);
  await page.getByRole("button", { name: "키 만들기" }).click();
  apiKey = (await page.getByTestId("new-api-key").textContent()) ?? "";
  await addDestination(page, "agit", { name: NAME, url: `${FAKE}${PATH}` });
  // 받을 알림: 카카오톡 only.
  await editLink(page).click();
  const section = page.getByRole("group", { name: "받을 알림" });
  for (const label of ["웹", "앱", "네이버 톡톡", "기타"]) await section.getByLabel(label, { exact: true }).uncheck();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/saved=1$/);
  destinationId = (await editLink(page).getAttribute("href"))?.split("/").pop() ?? "";
  await page.close();
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage({ baseURL: BASE });
  await signIn(page);
  await page.goto(ALERTS_PATH);
  await editLink(page).click();
  await page.waitForLoadState("networkidle"); // 삭제 opens its dialog once the page is hydrated
  await page.getByRole("button", { name: "삭제", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "삭제", exact: true }).click();
  await expect(page).toHaveURL(/deleted=1$/);
  await page.goto("/settings/api-keys");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: `${KEY_NAME} 폐기` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "폐기" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: KEY_NAME })).toContainText("폐기됨");
  await page.close();
});

test("GET /api/v1/destinations lists the rules, never the webhook URL; 401 without a key", async ({ request }) => {
  const res = await request.get("/api/v1/destinations", { headers: { authorization: `Bearer ${apiKey}` } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).not.toContain(PATH);
  expect(text).not.toContain(FAKE);
  const { destinations } = JSON.parse(text) as { destinations: { id: string }[] };
  expect(destinations.find((d) => d.id === destinationId)).toEqual({
    id: destinationId,
    name: NAME,
    messenger: "agit",
    enabled: true,
    paused: false,
    routing: { events: ["message.submitted", "session.waiting", "session.assigned"], channels: ["kakao"], teams: [] },
  });
  const refused = await request.get("/api/v1/destinations");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("a dryRun dispatch answers 200 with where it would go, and nothing is sent", async ({ request }) => {
  const kakao = await dryRun(request, "api_dry_kakao", "kakao");
  expect(kakao.status()).toBe(200);
  const json = await kakao.json();
  expect(json).toMatchObject({ dryRun: true, status: "queued" });
  expect(json.destinations).toContainEqual({ destinationId, name: NAME, messenger: "agit", paused: false, sendsAt: json.evaluatedAt });
  const web = await (await dryRun(request, "api_dry_web", "web")).json();
  expect(web.destinations.map((d: { destinationId: string }) => d.destinationId)).not.toContain(destinationId);
  const invalid = await dryRun(request, "api_dry_bad", "kakao", { customer: {} });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ error: { code: "validation_failed" } });
  // A real alert reaches the fake; the dry runs before it never did.
  const real = await dryRun(request, "api_real_kakao", "kakao", { dryRun: false });
  expect(real.status()).toBe(202);
  await expect
    .poll(async () => (await fakeRequests(PATH)).filter((r) => r.body.includes("api_real_kakao")).length, { timeout: 10_000 })
    .toBe(1);
  expect((await fakeRequests(PATH)).filter((r) => r.body.includes("api_dry_")).length).toBe(0);
});

test("the OpenAPI document is public, cacheable JSON describing the three endpoints", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toContain("public");
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths).sort()).toEqual(["/api/health", "/api/v1/alerts", "/api/v1/destinations"]);
  expect(doc.paths["/api/v1/alerts"].post.requestBody.content["application/json"].schema.properties.dryRun.type).toBe("boolean");
});

test("API 키 shows copyable curl examples and links the OpenAPI document", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page);
  await page.goto("/settings/api-keys");
  const examples = page.getByRole("region", { name: "사용 예 (curl)" });
  await expect(examples.getByRole("link", { name: "OpenAPI 문서 (openapi.json)" })).toHaveAttribute("href", "/api/v1/openapi.json");
  for (const id of ["dispatch", "dryRun", "destinations"])
    await expect(page.getByTestId(`curl-${id}`)).toContainText(`curl ${id === "destinations" ? "" : "-X POST "}${BASE}`);
  await expect(page.getByTestId("curl-dryRun")).toContainText('"dryRun": true');
  const dry = page.getByTestId("curl-dryRun");
  await page.waitForLoadState("networkidle");
  await dry.getByRole("button", { name: "복사" }).click();
  await expect(dry.getByRole("button", { name: "복사했습니다" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dry.locator("pre").textContent());
  await examples.scrollIntoViewIfNeeded();
  await screenshot(page, "api-keys", { fullPage: true });
});
