import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { pausesDestination } from "@/lib/delivery/health";
import { digestLine, digestOf, HOSTILE_MESSAGE, LOG_URL, richInquiry, SESSION_URL, Z } from "../cards/test-fixtures";
import { CTX, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import { googlechat } from ".";
import { GOOGLE_CHAT_MAX_BYTES, googleChatAdapter, threadKeyOf } from "./adapter";

const URL_ = "https://chat.googleapis.com/v1/spaces/AAAAbc123/messages?key=AIzaKey&token=tok%3D";
const build = (alert: Alert = richInquiry()) => {
  const req = googleChatAdapter.buildRequest(alert, { name: "CS", webhookUrl: URL_ }, CTX);
  return { req, body: JSON.parse(req.body) };
};
const dt = (topLabel: string, text: string) => ({ decoratedText: { topLabel, text } });
const open = (text: string, url: string) => ({ text, onClick: { openLink: { url } } });
const TIME = dt("시간", "2026-11-23 12:12:45 (Asia/Seoul)");

describe("google chat buildRequest: exact payloads", () => {
  it("an inquiry: text fallback, one cardsV2 card with fields and a button, threaded by session", () => {
    const { req, body } = build();
    expect(req.url).toBe(`${URL_}&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`);
    expect(req.headers).toEqual({ "content-type": "application/json; charset=UTF-8" });
    expect(body).toEqual({
      text: "💬 고객 메시지 접수 · 홍길동 고객이 메시지를 남겼습니다.",
      cardsV2: [
        {
          cardId: "alimi-alert",
          card: {
            header: { title: "💬 고객 메시지 접수", subtitle: "알리미" },
            sections: [
              {
                widgets: [
                  { textParagraph: { text: "홍길동 고객이 메시지를 남겼습니다." } },
                  dt("고객", "홍길동"),
                  dt("유입 채널", "카카오톡"),
                  dt("상담사", "김상담"),
                  TIME,
                  dt("이메일", "gil_dong@example.com"),
                  { decoratedText: { topLabel: "메시지", text: "배송 문의드립니다", wrapText: true } },
                  { buttonList: { buttons: [open("상담 열기", SESSION_URL)] } },
                ],
              },
            ],
          },
        },
      ],
      thread: { threadKey: "alimi-s_123" },
    });
  });

  it("a digest: one section per conversation with its button, then 외 N건 and the log button; no thread", () => {
    const { req, body } = build(digestOf(12));
    expect(req.url).toBe(URL_);
    expect(body).not.toHaveProperty("thread");
    const sections = body.cardsV2[0].card.sections;
    expect(sections).toHaveLength(12);
    expect(sections[0].widgets).toEqual([{ textParagraph: { text: "알림이 한꺼번에 몰려 12건을 하나로 묶어 보냅니다." } }, TIME]);
    expect(sections[1].widgets).toEqual([
      { decoratedText: { text: digestLine(1), wrapText: true, button: open("열기", "https://chat.example.com/ws/sessions/s_1") } },
    ]);
    expect(sections[11].widgets).toEqual([
      { textParagraph: { text: "외 2건" } },
      { buttonList: { buttons: [open("발송 기록에서 모두 보기", LOG_URL)] } },
    ]);
  });

  it("the test message starts no thread and has no button", () => {
    const { req, body } = build(testAlert);
    expect(req.url).toBe(URL_);
    expect(body).not.toHaveProperty("thread");
    expect(JSON.stringify(body)).not.toContain("buttonList");
  });
});

describe("google chat threads", () => {
  it("one stable key per conversation; odd ids are hashed, never merged by sanitising", () => {
    const key = (id: string) => threadKeyOf(inquiry({ session: { id, url: SESSION_URL, channel: "web" } }));
    expect(key("s_123")).toBe("alimi-s_123");
    expect(key("a/b")).toMatch(/^alimi-h-[A-Za-z0-9_-]{32}$/);
    expect(key("a/b")).toBe(key("a/b"));
    expect(key("a/b")).not.toBe(key("a.b"));
    expect(threadKeyOf(digestOf(2))).toBeNull();
  });
});

describe("google chat buildRequest: hostile customer text", () => {
  const { body } = build(inquiry({ customer: { name: "<users/all> *b*", email: "a@b.example" }, message: HOSTILE_MESSAGE }));
  const widgets = body.cardsV2[0].card.sections[0].widgets;

  it("HTML-escapes customer text in card fields, so no tag, link or <users/all> forms", () => {
    expect(widgets.find((w: { decoratedText?: { topLabel?: string } }) => w.decoratedText?.topLabel === "메시지").decoratedText.text).toBe(
      "결제가 안 돼요 @everyone @here &lt;@123&gt; &lt;@&amp;456&gt; &lt;!channel&gt; &lt;users/all&gt; [여기](https://evil.example) " +
        "&lt;img src=x&gt; &lt;b&gt;x&lt;/b&gt;\n상담 열기: https://evil.example",
    );
    expect(widgets[1]).toEqual(dt("고객", "&lt;users/all&gt; *b*"));
    expect(JSON.stringify(body.cardsV2)).not.toMatch(/<(users|b>|img)/);
  });

  it("breaks Chat syntax in the text fallback, and the only button is ours", () => {
    expect(body.text).toBe(`💬 고객 메시지 접수 · <${Z}users/all> *${Z}b*${Z} 고객이 메시지를 남겼습니다.`);
    expect(JSON.stringify(body).match(/openLink/g)).toHaveLength(1);
  });
});

describe("google chat buildRequest: size", () => {
  it("stays under 32,000 bytes with huge digest links by showing fewer conversations", () => {
    const long = `https://chat.example.com/ws/sessions/${"s".repeat(3_500)}`;
    const alert = digestOf(10, 30);
    alert.items = alert.items.map((i) => ({ ...i, message: "<".repeat(5_000), session: { ...i.session, url: long } }));
    const { req, body } = build(alert);
    expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(GOOGLE_CHAT_MAX_BYTES);
    const shown = body.cardsV2[0].card.sections.length - 2;
    expect(shown).toBeLessThan(10);
    expect(body.cardsV2[0].card.sections.at(-1).widgets[0]).toEqual({ textParagraph: { text: `외 ${30 - shown}건` } });
  });
});

describe("google chat classify", () => {
  const google = (code: number, status: string, extra: object = {}) =>
    res(code, JSON.stringify({ error: { code, message: "m", status, ...extra } }));

  it("200 with the created message is delivered", () => {
    expect(googleChatAdapter.classify(res(200, '{"name":"spaces/A/messages/B"}'), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
  });

  it.each([
    [google(403, "PERMISSION_DENIED"), "PERMISSION_DENIED", true],
    [google(400, "INVALID_ARGUMENT", { details: [{ reason: "API_KEY_INVALID" }] }), "API_KEY_INVALID", true],
    [google(404, "NOT_FOUND"), "NOT_FOUND", true],
    [google(400, "INVALID_ARGUMENT"), "INVALID_ARGUMENT", false],
  ])("%# permanent with code %s; pauses: %s", (answer, code, pauses) => {
    const outcome = googleChatAdapter.classify(answer, OCCURRED);
    expect(outcome).toEqual({ kind: "permanent", status: answer.status, code, message: "m" });
    expect(pausesDestination("googlechat", outcome)).toBe(pauses);
  });

  it("429 RESOURCE_EXHAUSTED and 503 UNAVAILABLE retry, with Retry-After when given", () => {
    expect(googleChatAdapter.classify(google(429, "RESOURCE_EXHAUSTED"), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      code: "RESOURCE_EXHAUSTED",
      message: "m",
    });
    expect(googleChatAdapter.classify({ ...google(429, "RESOURCE_EXHAUSTED"), headers: { "retry-after": "3" } }, OCCURRED)).toMatchObject({
      retryAfterMs: 3_000,
    });
    expect(googleChatAdapter.classify(google(503, "UNAVAILABLE"), OCCURRED)).toMatchObject({ kind: "retry", code: "UNAVAILABLE" });
  });

  it("paces each destination at the space's quota: one per second, no burst", () => {
    // The quota is per space; pacing is per destination (docs/messengers.md names the limitation).
    expect(googlechat.pace).toEqual({ intervalMs: 1_000, burst: 1 });
  });
});
