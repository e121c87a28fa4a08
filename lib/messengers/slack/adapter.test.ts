import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import { slackAdapter } from "./adapter";

const config = { name: "CS", webhookUrl: "https://hooks.slack.com/services/T1/B2/secret" };
const build = (alert: Alert = inquiry(), cfg: Parameters<typeof slackAdapter.buildRequest>[1] = config) => {
  const req = slackAdapter.buildRequest(alert, cfg, CTX);
  return { req, body: JSON.parse(req.body) };
};

describe("slack adapter", () => {
  it("posts JSON with a text fallback, Block Kit blocks and no unfurling", () => {
    const { req, body } = build();
    expect(req).toMatchObject({ url: config.webhookUrl, method: "POST", headers: { "content-type": "application/json" } });
    expect(body.text).toBe(
      "💬 고객 메시지 접수: 홍길동 고객이 메시지를 남겼습니다. <https://chat.example.com/ws/sessions/s_123|상담 열기>",
    );
    expect(body.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "💬 고객 메시지 접수", emoji: true } },
      { type: "section", text: { type: "plain_text", text: "홍길동 고객이 메시지를 남겼습니다.", emoji: true } },
      {
        type: "section",
        fields: [
          { type: "plain_text", text: "고객\n홍길동", emoji: true },
          { type: "plain_text", text: "유입 채널\n카카오톡", emoji: true },
          { type: "plain_text", text: "시간\n2026-11-23 12:12:45 (Asia/Seoul)", emoji: true },
        ],
      },
      { type: "section", text: { type: "plain_text", text: "메시지\n배송 문의드립니다", emoji: true } },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "상담 열기", emoji: true }, url: "https://chat.example.com/ws/sessions/s_123" },
        ],
      },
    ]);
    expect(body.unfurl_links).toBe(false);
    expect(body.unfurl_media).toBe(false);
    expect(body).not.toHaveProperty("channel");
    expect(body).not.toHaveProperty("link_names");
  });

  it("sends the saved channel only when set", () => {
    expect(build(inquiry(), { ...config, channel: "#cs" }).body.channel).toBe("#cs");
  });

  it("names the agent for session.assigned and says plainly when it is a test", () => {
    const assigned = build(inquiry({ event: "session.assigned", agent: { name: "김상담" }, message: undefined })).body;
    expect(assigned.text).toContain("홍길동 고객이 김상담 상담사에게 배정되었습니다.");
    const test = build(testAlert).body;
    expect(test.text).toContain("테스트");
    expect(test.text).toContain("CS 슬랙");
  });

  it("keeps customer text in plain_text and escapes the mrkdwn fallback", () => {
    const { body } = build(inquiry({ customer: { name: HOSTILE }, message: HOSTILE }));
    expect(body.text).not.toMatch(/<!channel>|<http:\/\/e\.example|<@/);
    expect(body.text).toContain("&lt;!channel&gt;");
    const texts = JSON.stringify(body.blocks);
    expect(body.blocks.every((b: { text?: { type: string } }) => !b.text || b.text.type === "plain_text")).toBe(true);
    expect(texts).not.toContain('"mrkdwn"');
  });

  it("stays inside Slack's limits with a 5,000-character message", () => {
    const { body } = build(inquiry({ message: "가😀".repeat(2_500), customer: { name: "이".repeat(500) } }));
    expect(body.text.length).toBeLessThanOrEqual(4_000);
    for (const block of body.blocks) {
      if (block.type === "header") expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3_000);
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2_000);
    }
    const message = body.blocks.find((b: { text?: { text: string } }) => b.text?.text.startsWith("메시지"));
    expect([...message.text.text.replace("메시지\n", "")].length).toBe(1_000);
    expect(message.text.text.endsWith("…")).toBe(true);
  });

  it.each([
    [400, "invalid_payload"], [400, "no_text"], [400, "too_many_attachments"],
    [403, "action_prohibited"], [403, "invalid_token"],
    [404, "channel_not_found"], [404, "no_service"], [404, "no_active_hooks"], [404, "no_team"],
    [410, "channel_is_archived"],
  ])("maps %i %s to a permanent failure with Slack's code", (status, code) => {
    expect(slackAdapter.classify(res(status, code), OCCURRED)).toEqual({ kind: "permanent", status, code });
  });

  it("delivers on 200 ok, retries 429/5xx with Retry-After, and refuses redirects", () => {
    expect(slackAdapter.classify(res(200, "ok"), 0)).toEqual({ kind: "delivered", status: 200 });
    expect(slackAdapter.classify(res(429, "rate_limited", { "retry-after": "30" }), 0)).toEqual({
      kind: "retry", status: 429, retryAfterMs: 30_000, code: "rate_limited",
    });
    expect(slackAdapter.classify(res(503, "<html>busy</html>"), 0)).toMatchObject({ kind: "retry", status: 503 });
    expect(slackAdapter.classify(res(302, ""), 0)).toEqual({ kind: "permanent", status: 302 });
  });
});
