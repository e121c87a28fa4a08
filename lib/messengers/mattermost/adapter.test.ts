import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import type { DestinationConfig } from "../types";
import { mattermostAdapter } from "./adapter";

const Z = "\u200B";
const URL_ = "https://chat.example.com/ws/sessions/s_123";
const config: DestinationConfig = { name: "CS", webhookUrl: "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz" };
const build = (alert: Alert = inquiry(), cfg: DestinationConfig = config) => {
  const req = mattermostAdapter.buildRequest(alert, cfg, CTX);
  return { req, body: JSON.parse(req.body) };
};
const field = (title: string, value: string) => ({ title, value, short: true });
const TIME = field("시간", "2026-11-23 12:12:45 (Asia/Seoul)");

describe("mattermost buildRequest: exact payloads", () => {
  it("message.submitted, with the channel when set", () => {
    const { req, body } = build(inquiry(), { ...config, channel: "town-square" });
    expect(req.url).toBe(config.webhookUrl);
    expect(req.method).toBe("POST");
    expect(req.headers).toEqual({ "content-type": "application/json" });
    expect(body).toEqual({
      text: `**💬 고객 메시지 접수** 홍길동 고객이 메시지를 남겼습니다\\. · [상담 열기](${URL_})`,
      channel: "town-square",
      attachments: [
        {
          fallback: "💬 고객 메시지 접수: 홍길동 고객이 메시지를 남겼습니다.",
          color: "#2F5BEA",
          title: "💬 고객 메시지 접수",
          title_link: URL_,
          text: "배송 문의드립니다",
          fields: [field("고객", "홍길동"), field("유입 채널", "카카오톡"), TIME],
        },
      ],
    });
  });

  it("session.waiting, with e-mail, phone and team escaped as customer text", () => {
    const alert = inquiry({
      event: "session.waiting",
      message: undefined,
      team: "cs",
      customer: { name: "김민지", email: "minji@example.com", phone: "010-1234-5678" },
      session: { id: "s_9", url: "https://chat.example.com/ws/sessions/s_9", channel: "web" },
    });
    expect(build(alert).body).toEqual({
      text: "**🙋 상담 요청** 김민지 고객이 상담사 연결을 기다리고 있습니다\\. · [상담 열기](https://chat.example.com/ws/sessions/s_9)",
      attachments: [
        {
          fallback: "🙋 상담 요청: 김민지 고객이 상담사 연결을 기다리고 있습니다.",
          color: "#E8A317",
          title: "🙋 상담 요청",
          title_link: "https://chat.example.com/ws/sessions/s_9",
          fields: [
            field("고객", "김민지"),
            field("유입 채널", "웹"),
            TIME,
            field("이메일", "`minji@example.com`"),
            field("전화번호", "010\\-1234\\-5678"),
            field("팀", "cs"),
          ],
        },
      ],
    });
  });

  it("session.assigned names the agent", () => {
    const alert = inquiry({ event: "session.assigned", agent: { name: "김상담" }, session: { id: "s_123", url: URL_, channel: "naver" } });
    expect(build(alert).body).toEqual({
      text: `**👤 상담사 배정** 홍길동 고객이 김상담 상담사에게 배정되었습니다\\. · [상담 열기](${URL_})`,
      attachments: [
        {
          fallback: "👤 상담사 배정: 홍길동 고객이 김상담 상담사에게 배정되었습니다.",
          color: "#1C7C4A",
          title: "👤 상담사 배정",
          title_link: URL_,
          text: "배송 문의드립니다",
          fields: [field("고객", "홍길동"), field("유입 채널", "네이버 톡톡"), field("상담사", "김상담"), TIME],
        },
      ],
    });
  });

  it("the test message says it is a test from the settings and names the destination", () => {
    expect(build(testAlert).body).toEqual({
      text: "**✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다** 'CS 슬랙' 알림으로 보낸 테스트입니다\\. 이 메시지가 보이면 제대로 연결된 것입니다\\.",
      attachments: [
        {
          fallback:
            "✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다: 'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다.",
          color: "#6B7280",
          title: "✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다",
          fields: [field("알림 이름", "CS 슬랙"), TIME],
        },
      ],
    });
  });

  it("leaves channel out when it is not set", () => {
    expect(build().body).not.toHaveProperty("channel");
    expect(build(inquiry(), { ...config, channel: "" }).body).not.toHaveProperty("channel");
  });

  it("cannot let a link target end the Markdown link early", () => {
    const { body } = build(inquiry({ session: { id: "s", url: "https://chat.example.com/a)(b|c", channel: "web" } }));
    expect(body.text).toContain("(https://chat.example.com/a%29%28b%7Cc)");
    expect(body.attachments[0].title_link).toBe("https://chat.example.com/a%29%28b%7Cc");
  });
});

describe("mattermost buildRequest: hostile customer text", () => {
  const { body } = build(inquiry({ customer: { name: HOSTILE }, message: HOSTILE, agent: { name: HOSTILE } }));
  const [attachment] = body.attachments;
  // Everything Mattermost parses as Markdown (fallback is plain notification text, checked apart).
  const parsed = [body.text, attachment.text, ...attachment.fields.map((f: { value: string }) => f.value)];

  it("escapes exactly as the spec says", () => {
    expect(attachment.text).toBe(
      `<${Z}\\!channel\\> @${Z}here @${Z}all \\[x\\]\\(http://e\\.example\\) \\!\\[i\\]\\(http://e\\.example/i\\.png\\) ` +
        `<${Z}http://e\\.example\\|click\\> \\*b\\* \\_i\\_ \\# h & <${Z} \\>`,
    );
  });

  it("leaves no mention, link, image or heading that could form", () => {
    for (const s of [...parsed, attachment.fallback]) {
      expect(s).not.toContain("<!channel>");
      expect(s).not.toMatch(/@(here|all|channel)/);
      expect(s).not.toMatch(/<http/);
    }
    for (const s of parsed.map((p: string) => p.replace(`[상담 열기](${URL_})`, ""))) {
      expect(s).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/); // an unescaped [..]( opener
      expect(s).not.toMatch(/(^|[^\\])!\[/);
      expect(s).not.toMatch(/(^|\n)#/);
    }
  });
});

describe("mattermost buildRequest: content and limits", () => {
  it("carries Korean and emoji intact", () => {
    expect(build(inquiry({ message: "안녕하세요 😀🇰🇷" })).body.attachments[0].text).toBe("안녕하세요 😀🇰🇷");
  });

  it("truncates a 5,000-character message to 1,000 characters, well inside one post", () => {
    const { req, body } = build(inquiry({ message: "가".repeat(5_000) }));
    expect(body.attachments[0].text).toBe(`${"가".repeat(999)}…`);
    expect(req.body.length).toBeLessThan(16_383);
  });
});

describe("mattermost classify", () => {
  it.each([
    [400, "web.incoming_webhook.invalid.app_error", "permanent"],
    [400, "web.incoming_webhook.parse.app_error", "permanent"],
    [400, "web.incoming_webhook.text.app_error", "permanent"],
    [403, "web.incoming_webhook.channel_locked.app_error", "permanent"],
    [403, "web.incoming_webhook.permissions.app_error", "permanent"],
    [404, "web.incoming_webhook.channel.app_error", "permanent"],
    // 501 is a 5xx, so the shared rule retries it: webhooks may be switched back on server-wide.
    [501, "web.incoming_webhook.disabled.app_error", "retry"],
  ])("%i %s is %s, keeping the id as code and the message", (status, id, kind) => {
    const body = JSON.stringify({ id, message: "Some message.", detailed_error: "", status_code: status });
    expect(mattermostAdapter.classify(res(status, body), OCCURRED)).toEqual({ kind, status, code: id, message: "Some message." });
  });

  it("200 ok is delivered, and so is a 2xx with another body", () => {
    expect(mattermostAdapter.classify(res(200, "ok"), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
    expect(mattermostAdapter.classify(res(200, ""), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
  });

  it("429 honours Retry-After as seconds or an HTTP date, and ignores garbage", () => {
    const now = Date.parse("2026-11-23T03:00:00Z");
    expect(mattermostAdapter.classify(res(429, "", { "retry-after": "2" }), now)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 2_000,
    });
    expect(mattermostAdapter.classify(res(429, "", { "retry-after": "Mon, 23 Nov 2026 03:00:05 GMT" }), now)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 5_000,
    });
    expect(mattermostAdapter.classify(res(429, "", { "retry-after": "soon" }), now)).toEqual({ kind: "retry", status: 429 });
  });

  it("a non-JSON error keeps the body as message; a redirect is permanent", () => {
    expect(mattermostAdapter.classify(res(404, "404 page not found"), OCCURRED)).toEqual({
      kind: "permanent",
      status: 404,
      message: "404 page not found",
    });
    expect(mattermostAdapter.classify(res(302, ""), OCCURRED)).toEqual({ kind: "permanent", status: 302 });
  });
});
