import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import { teamroomAdapter } from "./adapter";

const Z = "\u200B";
const config = { name: "CS", webhookUrl: "https://teamroom.nate.com/api/webhook/0a1b2c3d/tok" };
const build = (alert: Alert = inquiry()) => {
  const req = teamroomAdapter.buildRequest(alert, config, CTX);
  const form = new URLSearchParams(req.body);
  return { req, form, content: form.get("content") ?? "" };
};

describe("teamroom buildRequest: exact payloads", () => {
  it("message.submitted posts one form field, content, encoded once", () => {
    const expected = [
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
    ].join("\n");
    const { req, form } = build();
    expect(req).toEqual({
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: new URLSearchParams({ content: expected }).toString(),
    });
    expect([...form.keys()]).toEqual(["content"]);
    expect(req.body.startsWith("content=%5B%EC%95%8C%EB%A6%AC%EB%AF%B8%5D+")).toBe(true); // "[알리미] " as UTF-8
  });

  it("session.waiting, with e-mail, phone and team", () => {
    const alert = inquiry({
      event: "session.waiting",
      message: undefined,
      team: "cs",
      customer: { name: "김민지", email: "minji@example.com", phone: "010-1234-5678" },
      session: { id: "s_9", url: "https://chat.example.com/ws/sessions/s_9", channel: "web" },
    });
    expect(build(alert).content).toBe(
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
    const alert = inquiry({ event: "session.assigned", agent: { name: "김상담" }, message: undefined });
    expect(build(alert).content).toBe(
      [
        "[알리미] 👤 상담사 배정",
        "홍길동 고객이 김상담 상담사에게 배정되었습니다.",
        "",
        "고객: 홍길동",
        "유입 채널: 카카오톡",
        "상담사: 김상담",
        "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
        "",
        "상담 열기: https://chat.example.com/ws/sessions/s_123",
      ].join("\n"),
    );
  });

  it("the test message says it is a test from the settings and names the destination", () => {
    expect(build(testAlert).content).toBe(
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

describe("teamroom buildRequest: form encoding", () => {
  it("keeps %, +, &, = and Korean intact, and encodes them exactly once", () => {
    const tricky = "100% 확인 + a&b=c %2B %25 😀";
    const { req, form, content } = build(inquiry({ message: tricky, customer: { name: "a&content=hijack" } }));
    expect([...form.keys()]).toEqual(["content"]);
    expect(content).toContain(`메시지:\n│ ${tricky}\n`);
    expect(content).toContain("고객: a&content=hijack\n");
    expect(req.body).toContain("100%25+%ED%99%95%EC%9D%B8+%2B+a%26b%3Dc+%252B+%2525");
    expect(req.body).not.toMatch(/%25(E[A-F]|26|3D)/); // no Korean, & or = encoded twice
  });
});

describe("teamroom buildRequest: customer text", () => {
  it("neutralises hostile text in the name, the agent and the message", () => {
    const { content } = build(
      inquiry({ event: "session.assigned", customer: { name: HOSTILE }, message: HOSTILE, agent: { name: HOSTILE } }),
    );
    expect(content).toContain(`고객: <${Z}!channel> @${Z}here @${Z}all [${Z}x]${Z}(${Z}http://e.example)${Z}`);
    expect(content).not.toContain("<!channel>");
    expect(content).not.toMatch(/@(here|all|channel)|\]\(|!\[[^\u200B]|<http/);
  });

  it("carries Korean and emoji intact and truncates a 5,000-character message to 1,000", () => {
    expect(build(inquiry({ message: "안녕하세요 😀🇰🇷" })).content).toContain("메시지:\n│ 안녕하세요 😀🇰🇷\n");
    const { content } = build(inquiry({ message: "가".repeat(5_000) }));
    expect(content).toContain(`메시지:\n│ ${"가".repeat(999)}…\n`);
    expect(content).not.toContain("가".repeat(1_000));
  });
});

describe("teamroom classify", () => {
  it("any 2xx is delivered", () => {
    expect(teamroomAdapter.classify(res(200, "success"), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
  });

  it("an unknown 4xx or a redirect is permanent, keeping the status and the first 500 characters", () => {
    expect(teamroomAdapter.classify(res(400, "잘못".repeat(400)), OCCURRED)).toEqual({
      kind: "permanent",
      status: 400,
      message: "잘못".repeat(250),
    });
    expect(teamroomAdapter.classify(res(404, ""), OCCURRED)).toEqual({ kind: "permanent", status: 404 });
    expect(teamroomAdapter.classify(res(301, ""), OCCURRED)).toEqual({ kind: "permanent", status: 301 });
  });

  it("408, 425, 429 and 5xx are retried, honouring an HTTP-date Retry-After", () => {
    expect(teamroomAdapter.classify(res(503, "", { "retry-after": "Mon, 23 Nov 2026 03:12:55 GMT" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 503,
      retryAfterMs: 10_000,
    });
    for (const status of [408, 425, 429, 504]) expect(teamroomAdapter.classify(res(status), OCCURRED)).toEqual({ kind: "retry", status });
  });
});
