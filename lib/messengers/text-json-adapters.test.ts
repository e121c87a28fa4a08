import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { agitAdapter } from "./agit/adapter";
import { hiworksAdapter } from "./hiworks/adapter";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "./test/fixtures";

// Hiworks and Agit share one adapter factory (plain-text.ts), so they share these tests too.
const Z = "\u200B";
const CASES = [
  { name: "agit", adapter: agitAdapter, url: "https://agit.io/webhook/6f1c1a0e-2b9a-4a43-9b8e-3f1d2c4b5a69", created: '{"id":12345}' },
  {
    name: "hiworks",
    adapter: hiworksAdapter,
    url: "https://hooks.hiworks.com/messenger/chat/0123456789abcdef0123456789abcdef",
    created: "{}",
  },
];

describe.each(CASES)("$name adapter", ({ adapter, url, created }) => {
  const config = { name: "CS", webhookUrl: url };
  const build = (alert: Alert = inquiry()) => {
    const req = adapter.buildRequest(alert, config, CTX);
    return { req, text: JSON.parse(req.body).text as string };
  };

  describe("buildRequest: exact payloads", () => {
    it("message.submitted posts {text} as JSON", () => {
      const { req } = build();
      expect(req).toEqual({
        url: config.webhookUrl,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: [
            "[알리미] 💬 고객 메시지 접수",
            "홍길동 고객이 메시지를 남겼습니다.",
            "",
            "고객: 홍길동",
            "유입 채널: 카카오톡",
            "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
            "메시지:",
            "│ 배송 문의드립니다",
            "",
            "상담 열기: https://chat.example.com/ws/sessions/s_123",
          ].join("\n"),
        }),
      });
    });

    it("session.waiting, with e-mail, phone and team", () => {
      const alert = inquiry({
        event: "session.waiting",
        message: undefined,
        team: "cs",
        customer: { name: "김민지", email: "minji@example.com", phone: "010-1234-5678" },
        session: { id: "s_9", url: "https://chat.example.com/ws/sessions/s_9", channel: "web" },
      });
      expect(build(alert).text).toBe(
        [
          "[알리미] 🙋 상담 요청",
          "김민지 고객이 상담사 연결을 기다리고 있습니다.",
          "",
          "고객: 김민지",
          "유입 채널: 웹",
          "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
          "이메일: minji@example.com",
          "전화번호: 010-1234-5678",
          "팀: cs",
          "",
          "상담 열기: https://chat.example.com/ws/sessions/s_9",
        ].join("\n"),
      );
    });

    it("session.assigned names the agent", () => {
      const alert = inquiry({
        event: "session.assigned",
        agent: { name: "김상담" },
        message: undefined,
        session: { id: "s_1", url: "https://chat.example.com/ws/sessions/s_1", channel: "other" },
      });
      expect(build(alert).text).toBe(
        [
          "[알리미] 👤 상담사 배정",
          "홍길동 고객이 김상담 상담사에게 배정되었습니다.",
          "",
          "고객: 홍길동",
          "유입 채널: 기타",
          "상담사: 김상담",
          "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
          "",
          "상담 열기: https://chat.example.com/ws/sessions/s_1",
        ].join("\n"),
      );
    });

    it("the test message says it is a test from the settings and names the destination", () => {
      expect(build(testAlert).text).toBe(
        [
          "[알리미] ✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다",
          "'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다.",
          "",
          "알림 이름: CS 슬랙",
          "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
        ].join("\n"),
      );
    });
  });

  describe("buildRequest: customer text", () => {
    it("neutralises hostile text in the name, the agent and the message", () => {
      const { text } = build(
        inquiry({ event: "session.assigned", customer: { name: HOSTILE }, message: HOSTILE, agent: { name: HOSTILE } }),
      );
      expect(text).toContain(
        `메시지:\n│ <${Z}!channel> @${Z}here @${Z}all [${Z}x]${Z}(${Z}http://e.example)${Z} ![${Z}i]${Z}(${Z}http://e.example/i.png)${Z} <${Z}http://e.example|click> *b* _i_ # h & <${Z} >`,
      );
      expect(text).not.toContain("<!channel>");
      expect(text).not.toMatch(/@(here|all|channel)|\]\(|!\[[^\u200B]|<http/);
    });

    it("carries Korean and emoji intact and truncates a 5,000-character message to 1,000", () => {
      expect(build(inquiry({ message: "안녕하세요 😀🇰🇷" })).text).toContain("메시지:\n│ 안녕하세요 😀🇰🇷\n");
      const { text } = build(inquiry({ message: "가".repeat(5_000) }));
      expect(text).toContain(`메시지:\n│ ${"가".repeat(999)}…\n`);
      expect(text).not.toContain("가".repeat(1_000));
    });
  });

  describe("classify", () => {
    it("any 2xx is delivered", () => {
      expect(adapter.classify(res(200, ""), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
      expect(adapter.classify(res(201, created), OCCURRED)).toEqual({ kind: "delivered", status: 201 });
    });

    it("an unknown 4xx is permanent, keeping the status and the first 500 characters of the body", () => {
      expect(adapter.classify(res(400, "x".repeat(800)), OCCURRED)).toEqual({ kind: "permanent", status: 400, message: "x".repeat(500) });
      expect(adapter.classify(res(404, '{"error":"not found"}'), OCCURRED)).toEqual({
        kind: "permanent",
        status: 404,
        message: '{"error":"not found"}',
      });
      expect(adapter.classify(res(302, ""), OCCURRED)).toEqual({ kind: "permanent", status: 302 });
    });

    it("408, 425, 429 and 5xx are retried, honouring Retry-After", () => {
      expect(adapter.classify(res(429, "slow down", { "retry-after": "3" }), OCCURRED)).toEqual({
        kind: "retry",
        status: 429,
        retryAfterMs: 3_000,
        message: "slow down",
      });
      for (const status of [408, 425, 500, 503]) expect(adapter.classify(res(status), OCCURRED)).toEqual({ kind: "retry", status });
    });
  });
});

describe("agit adapter: plain text only", () => {
  const build = (alert: Alert) => ({ req: agitAdapter.buildRequest(alert, { name: "CS", webhookUrl: CASES[0].url }, CTX) });
  it("never sends mrkdwn or anything but text", () => {
    for (const alert of [inquiry(), testAlert]) expect(Object.keys(JSON.parse(build(alert).req.body))).toEqual(["text"]);
  });
});
