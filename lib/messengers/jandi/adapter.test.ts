import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import type { DestinationConfig } from "../types";
import { jandiAdapter } from "./adapter";

const Z = "\u200B";
const URL_ = "https://chat.example.com/ws/sessions/s_123";
const config: DestinationConfig = { name: "CS", webhookUrl: "https://wh.jandi.com/connect-api/webhook/123/tok", topic: "고객문의" };
const build = (alert: Alert = inquiry()) => {
  const req = jandiAdapter.buildRequest(alert, config, CTX);
  return { req, body: JSON.parse(req.body) };
};
const info = (title: string, description: string) => ({ title, description });
const TIME = info("시간", "2026-11-23 12:12:45 (Asia/Seoul)");

describe("jandi buildRequest: exact payloads", () => {
  it("message.submitted, with both the vnd Accept and a JSON Content-Type", () => {
    const { req, body } = build();
    expect(req.url).toBe(config.webhookUrl);
    expect(req.method).toBe("POST");
    expect(req.headers).toEqual({ accept: "application/vnd.tosslab.jandi-v2+json", "content-type": "application/json" });
    expect(body).toEqual({
      body: `[알리미] 💬 고객 메시지 접수 [상담 열기](${URL_})`,
      connectColor: "#2F5BEA",
      connectInfo: [
        info("💬 고객 메시지 접수", "홍길동 고객이 메시지를 남겼습니다."),
        info("고객", "홍길동"),
        info("유입 채널", "카카오톡"),
        TIME,
        info("메시지", "배송 문의드립니다"),
      ],
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
    expect(build(alert).body).toEqual({
      body: "[알리미] 🙋 상담 요청 [상담 열기](https://chat.example.com/ws/sessions/s_9)",
      connectColor: "#E8A317",
      connectInfo: [
        info("🙋 상담 요청", "김민지 고객이 상담사 연결을 기다리고 있습니다."),
        info("고객", "김민지"),
        info("유입 채널", "웹"),
        TIME,
        info("이메일", "minji@example.com"),
        info("전화번호", "010-1234-5678"),
        info("팀", "cs"),
      ],
    });
  });

  it("session.assigned names the agent", () => {
    const alert = inquiry({ event: "session.assigned", agent: { name: "김상담" }, session: { id: "s_123", url: URL_, channel: "app" } });
    expect(build(alert).body).toEqual({
      body: `[알리미] 👤 상담사 배정 [상담 열기](${URL_})`,
      connectColor: "#1C7C4A",
      connectInfo: [
        info("👤 상담사 배정", "홍길동 고객이 김상담 상담사에게 배정되었습니다."),
        info("고객", "홍길동"),
        info("유입 채널", "앱"),
        info("상담사", "김상담"),
        TIME,
        info("메시지", "배송 문의드립니다"),
      ],
    });
  });

  it("the test message says it is a test from the settings and names the destination", () => {
    expect(build(testAlert).body).toEqual({
      body: "[알리미] ✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다",
      connectColor: "#6B7280",
      connectInfo: [
        info(
          "✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다",
          "'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다.",
        ),
        info("알림 이름", "CS 슬랙"),
        TIME,
      ],
    });
  });

  it("never sends the topic", () => {
    const { req, body } = build();
    expect(req.body).not.toContain("고객문의");
    expect(Object.keys(body).sort()).toEqual(["body", "connectColor", "connectInfo"]);
  });
});

describe("jandi buildRequest: hostile customer text", () => {
  const { body } = build(inquiry({ customer: { name: HOSTILE }, message: HOSTILE, agent: { name: HOSTILE } }));

  it("keeps customer text out of body: only our words and our link", () => {
    expect(body.body).toBe(`[알리미] 💬 고객 메시지 접수 [상담 열기](${URL_})`);
  });

  it("breaks mentions and link syntax in every description", () => {
    const descriptions: string[] = body.connectInfo.map((i: { description: string }) => i.description);
    expect(body.connectInfo[1].description).toBe(
      `<${Z}!channel> @${Z}here @${Z}all [${Z}x]${Z}(${Z}http://e.example)${Z} ![${Z}i]${Z}(${Z}http://e.example/i.png)${Z} ` +
        `<${Z}http://e.example|click> *b* _i_ # h & <${Z} >`,
    );
    for (const d of descriptions) {
      expect(d).not.toContain("<!channel>");
      expect(d).not.toMatch(/@(here|all|channel)/);
      expect(d).not.toMatch(/\]\(|!\[[^\u200B]|<http/);
    }
  });
});

describe("jandi buildRequest: content", () => {
  it("carries Korean and emoji intact", () => {
    expect(build(inquiry({ message: "안녕하세요 😀🇰🇷" })).body.connectInfo.at(-1)).toEqual(info("메시지", "안녕하세요 😀🇰🇷"));
  });

  it("truncates a 5,000-character message to 1,000 characters", () => {
    expect(build(inquiry({ message: "가".repeat(5_000) })).body.connectInfo.at(-1).description).toBe(`${"가".repeat(999)}…`);
  });

  it("uses a #RRGGBB colour for every event", () => {
    for (const event of ["message.submitted", "session.waiting", "session.assigned"] as const) {
      expect(build(inquiry({ event, agent: { name: "김상담" } })).body.connectColor).toMatch(/^#[0-9A-F]{6}$/);
    }
  });
});

describe("jandi classify", () => {
  it.each([
    ['{"code":40052,"msg":"Invalid payload - body"}', "40052", "Invalid payload - body"],
    ['{"code":40051,"msg":"Invalid token"}', "40051", "Invalid token"],
    ['{"code":40000,"msg":"Invalid value"}', "40000", "Invalid value"],
  ])("400 %s is permanent with Jandi's code as a string", (body, code, message) => {
    expect(jandiAdapter.classify(res(400, body), OCCURRED)).toEqual({ kind: "permanent", status: 400, code, message });
  });

  it("403 (incomplete URL) is permanent, keeping the body", () => {
    expect(jandiAdapter.classify(res(403, "Forbidden"), OCCURRED)).toEqual({ kind: "permanent", status: 403, message: "Forbidden" });
  });

  it("429 (42900) is retried after Retry-After, seconds or HTTP date", () => {
    const body = '{"code":42900,"msg":"Too many requests"}';
    expect(jandiAdapter.classify(res(429, body, { "retry-after": "60" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 60_000,
      code: "42900",
      message: "Too many requests",
    });
    expect(jandiAdapter.classify(res(429, body, { "retry-after": "Mon, 23 Nov 2026 03:13:45 GMT" }), OCCURRED)).toMatchObject({
      kind: "retry",
      retryAfterMs: 60_000,
    });
    expect(jandiAdapter.classify(res(429, body), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      code: "42900",
      message: "Too many requests",
    });
  });

  it("2xx is delivered; 5xx retried; a redirect is permanent", () => {
    expect(jandiAdapter.classify(res(200, "{}"), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
    expect(jandiAdapter.classify(res(502, "Bad Gateway"), OCCURRED)).toEqual({ kind: "retry", status: 502, message: "Bad Gateway" });
    expect(jandiAdapter.classify(res(301, ""), OCCURRED)).toEqual({ kind: "permanent", status: 301 });
    expect(jandiAdapter.classify(res(302, ""), OCCURRED)).toEqual({ kind: "permanent", status: 302 });
  });
});
