import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { CTX, HOSTILE, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import type { DestinationConfig } from "../types";
import { slackAdapter } from "./adapter";

const Z = "\u200B";
const URL_ = "https://chat.example.com/ws/sessions/s_123";
const config: DestinationConfig = { name: "CS", webhookUrl: "https://hooks.slack.com/services/T1/B2/secret" };
const build = (alert: Alert = inquiry(), cfg: DestinationConfig = config) => {
  const req = slackAdapter.buildRequest(alert, cfg, CTX);
  return { req, body: JSON.parse(req.body) };
};

const pt = (text: string) => ({ type: "plain_text", text, emoji: true });
const header = (text: string) => ({ type: "header", text: pt(text) });
const section = (text: string) => ({ type: "section", text: pt(text) });
const fields = (...texts: string[]) => ({ type: "section", fields: texts.map(pt) });
const open = (url = URL_) => ({ type: "actions", elements: [{ type: "button", text: pt("상담 열기"), url }] });
const TIME = "시간\n2026-11-23 12:12:45 (Asia/Seoul)";

type Block = {
  type: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { text?: { type: string; text: string } }[];
};

describe("slack buildRequest: exact payloads", () => {
  it("message.submitted", () => {
    const { req, body } = build();
    expect(req.url).toBe(config.webhookUrl);
    expect(req.method).toBe("POST");
    expect(req.headers).toEqual({ "content-type": "application/json" });
    expect(body).toEqual({
      text: `💬 고객 메시지 접수: 홍길동 고객이 메시지를 남겼습니다. <${URL_}|상담 열기>`,
      blocks: [
        header("💬 고객 메시지 접수"),
        section("홍길동 고객이 메시지를 남겼습니다."),
        fields("고객\n홍길동", "유입 채널\n카카오톡", TIME),
        section("메시지\n배송 문의드립니다"),
        open(),
      ],
      unfurl_links: false,
      unfurl_media: false,
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
      text: "🙋 상담 요청: 김민지 고객이 상담사 연결을 기다리고 있습니다. <https://chat.example.com/ws/sessions/s_9|상담 열기>",
      blocks: [
        header("🙋 상담 요청"),
        section("김민지 고객이 상담사 연결을 기다리고 있습니다."),
        fields("고객\n김민지", "유입 채널\n웹", TIME, "이메일\nminji@example.com", "전화번호\n010-1234-5678", "팀\ncs"),
        open("https://chat.example.com/ws/sessions/s_9"),
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("session.assigned names the agent", () => {
    const alert = inquiry({ event: "session.assigned", agent: { name: "김상담" }, session: { id: "s_123", url: URL_, channel: "naver" } });
    expect(build(alert).body).toEqual({
      text: `👤 상담사 배정: 홍길동 고객이 김상담 상담사에게 배정되었습니다. <${URL_}|상담 열기>`,
      blocks: [
        header("👤 상담사 배정"),
        section("홍길동 고객이 김상담 상담사에게 배정되었습니다."),
        fields("고객\n홍길동", "유입 채널\n네이버 톡톡", "상담사\n김상담", TIME),
        section("메시지\n배송 문의드립니다"),
        open(),
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("the test message says it is a test from the settings and names the destination", () => {
    expect(build(testAlert).body).toEqual({
      text: "✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다: 'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다.",
      blocks: [
        header("✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다"),
        section("'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다."),
        fields("알림 이름\nCS 슬랙", TIME),
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });
});

describe("slack buildRequest: channel", () => {
  it("sends the saved channel only when set, and never link_names", () => {
    expect(build(inquiry(), { ...config, channel: "#cs" }).body.channel).toBe("#cs");
    expect(build(inquiry(), { ...config, channel: "" }).body).not.toHaveProperty("channel");
    expect(build(inquiry(), { ...config, channel: null }).body).not.toHaveProperty("channel");
    expect(build().body).not.toHaveProperty("link_names");
  });
});

describe("slack buildRequest: hostile customer text", () => {
  const { body } = build(inquiry({ customer: { name: HOSTILE, email: "x@here.example" }, message: HOSTILE, agent: { name: HOSTILE } }));
  const blocks = body.blocks as Block[];
  const texts = blocks
    .flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? []).map((e) => e.text)])
    .filter((t) => t !== undefined);

  it("puts every value in plain_text objects, never mrkdwn", () => {
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.type === "plain_text")).toBe(true);
    expect(JSON.stringify(body.blocks)).not.toContain("mrkdwn");
  });

  it("escapes the mrkdwn fallback so no mention or link can form", () => {
    expect(body.text).not.toMatch(/<!|<http:\/\/e\.example|<@/);
    expect(body.text).toContain("&lt;!channel&gt;");
    expect(body.text).toContain("&lt;http://e.example|click&gt;");
    expect(body.text).toContain("&amp;");
    // our own link is the only real one
    expect(body.text.match(/<[^&]/g)).toEqual(["<h"]);
    expect(body.text.endsWith(`<${URL_}|상담 열기>`)).toBe(true);
  });

  it("sends customer values unaltered: plain_text is never parsed, and a bare @ is no Slack mention", () => {
    // Slack mentions exist only as <@U…>, <!here>, <!channel>; without link_names, `@here`
    // in the fallback is text. No invisible characters, so an address copies out intact.
    expect(body).not.toHaveProperty("link_names");
    expect(texts.map((t) => t.text)).toContain(`메시지\n${HOSTILE}`);
    expect(texts.map((t) => t.text)).toContain("이메일\nx@here.example");
    expect(JSON.stringify(body)).not.toContain(Z);
  });
});

describe("slack buildRequest: content and limits", () => {
  it("carries Korean and emoji intact", () => {
    expect(build(inquiry({ message: "안녕하세요 😀🇰🇷" })).req.body).toContain("메시지\\n안녕하세요 😀🇰🇷");
  });

  it("truncates a 5,000-character message to 1,000 characters and stays inside every limit", () => {
    const { body } = build(
      inquiry({
        message: "가😀".repeat(2_500),
        customer: { name: "이".repeat(500), email: `${"e".repeat(240)}@x.kr` },
        team: "팀".repeat(100),
      }),
    );
    const message = (body.blocks as Block[]).find((b) => b.text?.text.startsWith("메시지"))!;
    expect([...message.text!.text.slice("메시지\n".length)].length).toBe(1_000);
    expect(message.text!.text.endsWith("…")).toBe(true);
    expectWithinLimits(body);
  });

  it("keeps a 50-block cap and the open button for a huge digest, and the link whole in text", () => {
    const longUrl = `https://chat.example.com/ws/sessions/${"s".repeat(1_950)}`;
    const items = Array.from({ length: 80 }, () =>
      inquiry({ message: "가".repeat(5_000), session: { id: "s", url: longUrl, channel: "web" } }),
    );
    const { body } = build({ kind: "digest", occurredAt: OCCURRED, total: 120, items, moreUrl: longUrl });
    expectWithinLimits(body);
    expect(body.blocks).toHaveLength(50);
    expect(body.blocks.at(-1).type).toBe("actions");
    expect(body.text.endsWith(`<${longUrl}|발송 기록에서 모두 보기>`)).toBe(true);
  });
});

function expectWithinLimits(body: { text: string; blocks: Block[] }) {
  expect(body.text.length).toBeLessThanOrEqual(4_000);
  expect(body.blocks.length).toBeLessThanOrEqual(50);
  for (const block of body.blocks) {
    if (block.type === "header") expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3_000);
    expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2_000);
  }
}

describe("slack classify", () => {
  it.each([
    [400, "invalid_payload"],
    [400, "no_text"],
    [400, "too_many_attachments"],
    [403, "action_prohibited"],
    [403, "invalid_token"],
    [404, "channel_not_found"],
    [404, "no_service"],
    [404, "no_active_hooks"],
    [404, "no_team"],
    [410, "channel_is_archived"],
  ])("%i %s is permanent, keeping Slack's code", (status, code) => {
    expect(slackAdapter.classify(res(status, code), OCCURRED)).toEqual({ kind: "permanent", status, code });
    expect(slackAdapter.classify(res(status, `${code}\n`), OCCURRED)).toEqual({ kind: "permanent", status, code });
  });

  it("200 ok is delivered, and so is a 2xx with another body (Slack accepted the post)", () => {
    expect(slackAdapter.classify(res(200, "ok"), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
    expect(slackAdapter.classify(res(200, "something else"), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
    expect(slackAdapter.classify(res(204, ""), OCCURRED)).toEqual({ kind: "delivered", status: 204 });
  });

  it("429 is retried after Retry-After, given in seconds or as an HTTP date", () => {
    expect(slackAdapter.classify(res(429, "rate_limited", { "retry-after": "30" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 30_000,
      code: "rate_limited",
    });
    expect(slackAdapter.classify(res(429, "", { "retry-after": "Mon, 23 Nov 2026 03:12:50 GMT" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 5_000,
    });
    expect(slackAdapter.classify(res(429, "", { "retry-after": "a while" }), OCCURRED)).toEqual({ kind: "retry", status: 429 });
  });

  it("5xx is retried, keeping an unknown body as the message", () => {
    expect(slackAdapter.classify(res(503, "<html>busy</html>"), OCCURRED)).toEqual({
      kind: "retry",
      status: 503,
      message: "<html>busy</html>",
    });
    expect(slackAdapter.classify(res(500, "rollup_error"), OCCURRED)).toEqual({ kind: "retry", status: 500, code: "rollup_error" });
  });

  it("a redirect is permanent", () => {
    expect(slackAdapter.classify(res(301, ""), OCCURRED)).toEqual({ kind: "permanent", status: 301 });
    expect(slackAdapter.classify(res(302, "", { location: "https://slack.com" }), OCCURRED)).toEqual({ kind: "permanent", status: 302 });
  });
});
