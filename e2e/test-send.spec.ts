import { expect, test } from "@playwright/test";
import { ALERTS_PATH, FAKE, FAKE_PATHS, type FakeRequest, fakeControl, fakeRequests, type Messenger, signIn } from "./helpers";
import { screenshot } from "./support/screenshot";

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await fakeControl("reset");
  await signIn(page);
});

const REVOKED = "/services/T0000FAKE/B0000DEAD/revokedSecret3";

/** The shape each card messenger documents (docs/messengers.md), as the fake received it. */
function expectWireFormat(messenger: Messenger, req: FakeRequest) {
  // biome-ignore lint/suspicious/noExplicitAny: a messenger payload as received, probed field by field
  const body = req.parsed as Record<string, any>;
  switch (messenger) {
    case "teams": {
      // The message envelope with one Adaptive Card, its facts and an Open URL action or none (a test has no link).
      expect(body.type).toBe("message");
      expect(body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(body.attachments[0].content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
      expect(req.query).toContain("sig=");
      break;
    }
    case "googlechat":
      expect(body.cardsV2[0].card.header.title).toContain("테스트");
      expect(req.query).toMatch(/key=.*token=/);
      break;
    case "discord":
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.embeds).toHaveLength(1);
      expect(req.query).toBe("wait=true");
      break;
    case "dooray":
      expect(body.botName).toBe("알리미");
      expect(body.attachments.length).toBeGreaterThan(0);
      break;
  }
}

test("테스트 전송 works for every messenger before saving, in each messenger's format", async ({ page }) => {
  await page.goto(ALERTS_PATH);
  const savedBefore = await page.getByTestId("destination-row").count();
  for (const messenger of Object.keys(FAKE_PATHS) as Messenger[]) {
    await page.goto(`${ALERTS_PATH}/new?messenger=${messenger}`);
    await page.getByLabel("Webhook URL").fill(`${FAKE}${FAKE_PATHS[messenger]}`);
    if (messenger === "jandi") await page.getByLabel("토픽").fill("고객문의");
    await page.getByRole("button", { name: "테스트 전송" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText("성공");
    // A Workflows trigger accepts with 202 before the flow runs; the others post at once.
    await expect(status).toContainText(messenger === "teams" ? "HTTP 202" : "HTTP 200");
    await expect(status).toContainText(/\d+ ms/);

    const received = await fakeRequests(FAKE_PATHS[messenger]);
    expect(received).toHaveLength(1);
    const text = messenger === "teamroom" ? (new URLSearchParams(received[0].body).get("content") ?? "") : received[0].body;
    expect(text).toContain("테스트");
    if (messenger === "jandi") expect(received[0].headers.accept).toBe("application/vnd.tosslab.jandi-v2+json");
    if (messenger === "teamroom") expect(received[0].headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=UTF-8");
    else expect(received[0].headers["content-type"]).toContain("application/json");
    expectWireFormat(messenger, received[0]);
  }
  // Nothing was saved by testing.
  await page.goto(ALERTS_PATH);
  await expect(page.getByTestId("destination-row")).toHaveCount(savedBefore);
});

test("a revoked Slack webhook shows 실패 with the code, the status and a hint", async ({ page }) => {
  await fakeControl("mode", { path: REVOKED, behaviour: "slack.no_service" });
  await page.goto(`${ALERTS_PATH}/new?messenger=slack`);
  await page.getByLabel("Webhook URL").fill(`${FAKE}${REVOKED}`);
  await page.getByRole("button", { name: "테스트 전송" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("실패");
  await expect(status).toContainText("HTTP 404");
  await expect(status).toContainText("no_service");
  await expect(status).toContainText("웹훅이 삭제되었거나 비활성화되었습니다");
  await screenshot(page, "test-send-failed", { fullPage: true });
});

test("a saved destination tests with its saved URL and keeps the last result in the list", async ({ page }) => {
  await page.goto(`${ALERTS_PATH}/new?messenger=mattermost`);
  await page.getByLabel("이름").fill("매터모스트 테스트");
  await page.getByLabel("Webhook URL").fill(`${FAKE}${FAKE_PATHS.mattermost}`);
  await page.getByRole("button", { name: "저장" }).click();
  const row = page.getByTestId("destination-row").filter({ hasText: "매터모스트 테스트" });
  await expect(row).toContainText("보낸 적 없음");

  await row.getByRole("link", { name: /수정/ }).click();
  await expect(page.getByLabel("Webhook URL")).toHaveValue("");
  await page.getByRole("button", { name: "테스트 전송" }).click();
  await expect(page.getByRole("status")).toContainText("성공");
  expect(await fakeRequests(FAKE_PATHS.mattermost)).toHaveLength(1);

  await page.goto(ALERTS_PATH);
  await expect(row).toContainText("성공 · HTTP 200");

  // Testing another URL typed into the form, without saving it, says nothing about the saved one.
  await row.getByRole("link", { name: /수정/ }).click();
  await page.getByLabel("Webhook URL").fill(`${FAKE}/hooks/unsavedunsavedunsavedunsav`);
  await fakeControl("mode", { path: "/hooks/unsavedunsavedunsavedunsav", behaviour: "mattermost.invalid_webhook" });
  await page.getByRole("button", { name: "테스트 전송" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HTTP" })).toContainText("실패");
  await page.goto(ALERTS_PATH);
  await expect(row).toContainText("성공 · HTTP 200");
});

test("테스트 전송 before the first 저장 is remembered as the destination's last test, only for the URL tested", async ({ page }) => {
  await page.goto(`${ALERTS_PATH}/new?messenger=agit`);
  await page.getByLabel("이름").fill("먼저 테스트한 아지트");
  await page.getByLabel("Webhook URL").fill(`${FAKE}${FAKE_PATHS.agit}`);
  await page.getByRole("button", { name: "테스트 전송" }).click();
  await expect(page.getByRole("status")).toContainText("성공");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByTestId("destination-row").filter({ hasText: "먼저 테스트한 아지트" })).toContainText("성공 · HTTP 200");

  // A test of one URL does not vouch for another typed in before saving.
  await page.goto(`${ALERTS_PATH}/new?messenger=agit`);
  await page.getByLabel("이름").fill("주소를 바꾼 아지트");
  await page.getByLabel("Webhook URL").fill(`${FAKE}${FAKE_PATHS.agit}`);
  await page.getByRole("button", { name: "테스트 전송" }).click();
  await expect(page.getByRole("status")).toContainText("성공");
  await page.getByLabel("Webhook URL").fill(`${FAKE}/webhook/00000000-0000-4000-8000-000000000000`);
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByTestId("destination-row").filter({ hasText: "주소를 바꾼 아지트" })).toContainText("보낸 적 없음");
});

test("the 상담 안내 switches, language and time zone persist", async ({ page }) => {
  await page.getByRole("link", { name: "상담 안내" }).click();
  await expect(page.getByRole("heading", { name: "상담 안내", level: 1 })).toBeVisible();
  for (const label of ["대기 고객이 메시지 접수 시 알림", "대기 고객이 상담 요청 시 알림", "고객이 상담사에게 배정 시 알림"]) {
    await expect(page.getByLabel(label)).toBeChecked();
  }
  await expect(page.getByLabel("알림 언어")).toHaveValue("ko");
  await expect(page.getByLabel("시간대")).toHaveValue("Asia/Seoul");

  await page.getByLabel("대기 고객이 상담 요청 시 알림").uncheck();
  await page.getByLabel("알림 언어").selectOption("en");
  await page.getByLabel("시간대").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toContainText("저장했습니다.");
  await screenshot(page, "guide-settings", { fullPage: true });

  await page.reload();
  await expect(page.getByLabel("대기 고객이 상담 요청 시 알림")).not.toBeChecked();
  await expect(page.getByLabel("대기 고객이 메시지 접수 시 알림")).toBeChecked();
  await expect(page.getByLabel("알림 언어")).toHaveValue("en");
  await expect(page.getByLabel("시간대")).toHaveValue("Asia/Tokyo");

  // Back to the defaults.
  await page.getByLabel("대기 고객이 상담 요청 시 알림").check();
  await page.getByLabel("알림 언어").selectOption("ko");
  await page.getByLabel("시간대").selectOption("Asia/Seoul");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status")).toContainText("저장했습니다.");
});
