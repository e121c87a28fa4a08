import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DISPATCH_PORT } from "../playwright.config";
import { type FakeSmtp, startFakeSmtp } from "./fake-messenger/smtp";
import { ALERTS_PATH, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

// 이메일 end to end: an admin sets up the 이메일 서버 in the console — a real SMTP server started
// here on 127.0.0.1 (the server runs with ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1, so 보안 연결 없음 is
// allowed for it) — adds an 이메일 destination, tests it, saves it, and an alert posted to the
// API arrives as a mail.
const BASE = `http://127.0.0.1:${DISPATCH_PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let smtp: FakeSmtp;
test.beforeAll(async () => {
  smtp = await startFakeSmtp();
});
test.afterAll(async () => {
  await smtp?.close();
});

async function createKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("키 이름").fill("mail test");
  await page.getByRole("button", { name: "키 만들기" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(key).toMatch(/^alm_live_/);
  return key;
}

async function dispatch(request: APIRequestContext, key: string, sessionId: string) {
  const res = await request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: Buffer.from(
      JSON.stringify({
        event: "message.submitted",
        session: { id: sessionId, url: `https://chat.example.com/ws/sessions/${sessionId}`, channel: "kakao" },
        customer: { name: "홍길동", email: "hong@example.com" },
        message: "결제가 안 돼요 <script>alert(1)</script>",
      }),
    ),
  });
  expect(res.status()).toBe(202);
}

test("an admin sets up the 이메일 서버, adds an 이메일 destination, tests it, and alerts arrive as mail", async ({ page, request }) => {
  await signIn(page);

  // 설정 › 연동 › 이메일 서버
  await page.getByRole("link", { name: "이메일 서버" }).first().click();
  await expect(page.getByRole("heading", { name: "이메일 서버" })).toBeVisible();
  await page.getByLabel("SMTP 서버").fill("127.0.0.1");
  await page.getByLabel("보안 연결").selectOption("none");
  await page.getByLabel("포트").fill(String(smtp.port));
  await page.getByLabel("보내는 주소").fill("alerts@alimi.test");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toContainText("이메일 서버를 저장했습니다.");

  // The 이메일 form: 받는 사람 instead of a Webhook URL, with the guide and a link back to the server.
  await page.goto(`${ALERTS_PATH}/new`);
  await page.getByRole("link", { name: "이메일", exact: true }).click();
  await expect(page.getByLabel("Webhook URL")).toHaveCount(0);
  await page.getByLabel("이름").fill("CS 메일");
  await page.getByLabel("받는 사람").fill("bad address");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("올바른 이메일 주소가 아닌 항목이 있습니다.")).toBeVisible();
  await page.getByLabel("받는 사람").fill("cs@example.com\nlead@example.com");

  await page.getByRole("button", { name: "테스트 전송" }).click();
  const status = page.getByRole("status").filter({ hasText: /성공|실패/ });
  await expect(status).toContainText("성공");
  await expect(status).toContainText("SMTP 250");
  await screenshot(page, "email-form", { fullPage: true });
  const [test] = await smtp.waitForMessages(1);
  expect(test).toMatchObject({
    from: "alerts@alimi.test",
    to: ["cs@example.com", "lead@example.com"],
    subject: "[알리미] 테스트 메일: CS 메일",
  });

  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/saved=1$/);
  const row = page.getByTestId("destination-row").filter({ hasText: "CS 메일" });
  await expect(row).toContainText("c***@example.com 외 1명");
  await expect(row).toContainText("성공 · SMTP 250"); // the test made before saving, as an SMTP reply
  await expect(row).not.toContainText("lead@example.com");

  // An alert through the API arrives as one mail with the right subject and body.
  smtp.reset();
  await dispatch(request, await createKey(page), "s_mail1");
  const [mail] = await smtp.waitForMessages(1, 10_000);
  expect(mail.subject).toBe("[알리미] 새 문의: 홍길동");
  expect(mail.to).toEqual(["cs@example.com", "lead@example.com"]);
  expect(mail.text).toContain("결제가 안 돼요 <script>alert(1)</script>");
  expect(mail.text).toContain("상담 열기: https://chat.example.com/ws/sessions/s_mail1");
  expect(mail.html).toContain("결제가 안 돼요 &#60;script&#62;alert(1)&#60;/script&#62;");
  expect(mail.html).toContain('<a href="https://chat.example.com/ws/sessions/s_mail1"');
});

test("a 550 shows 실패 with the mail server's words", async ({ page }) => {
  await signIn(page);
  smtp.reset();
  smtp.rejectRecipient("cs@example.com", 550, "5.1.1 <cs@example.com>: Recipient address rejected: User unknown");
  smtp.rejectRecipient("lead@example.com", 550, "5.1.1 <lead@example.com>: Recipient address rejected: User unknown");
  await page.getByTestId("destination-row").filter({ hasText: "CS 메일" }).getByRole("link", { name: /수정/ }).click();
  await page.getByRole("button", { name: "테스트 전송" }).click();
  const status = page.getByRole("status").filter({ hasText: /성공|실패/ });
  await expect(status).toContainText("실패");
  await expect(status).toContainText("SMTP 550");
  await expect(status).toContainText("Recipient address rejected: User unknown");
  await expect(status).toContainText("메일 서버가 받는 사람 주소를 거부했습니다.");
  expect(smtp.messages()).toHaveLength(0);
});
