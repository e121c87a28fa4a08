import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { pausesDestination } from "@/lib/delivery/health";
import { digestLine, digestOf, HOSTILE_MESSAGE, LOG_URL, richInquiry, SESSION_URL, Z } from "../cards/test-fixtures";
import { CTX, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import { DOORAY_LIMITS, doorayAdapter } from "./adapter";

const URL_ = "https://hook.dooray.com/services/1234567890123456789/2345678901234567890/tok-EN_abc";
const build = (alert: Alert = richInquiry()) => {
  const req = doorayAdapter.buildRequest(alert, { name: "CS", webhookUrl: URL_ }, CTX);
  return { req, body: JSON.parse(req.body) };
};

describe("dooray buildRequest: exact payloads", () => {
  it("an inquiry: botName, text, a fields attachment linked to the conversation, the message attachment", () => {
    const { req, body } = build();
    expect(req).toMatchObject({ url: URL_, method: "POST", headers: { "content-type": "application/json" } });
    expect(body).toEqual({
      botName: "알리미",
      text: "💬 고객 메시지 접수 · 홍길동 고객이 메시지를 남겼습니다.",
      attachments: [
        {
          title: "상담 열기",
          titleLink: SESSION_URL,
          color: "#2F5BEA",
          text: "고객: 홍길동\n유입 채널: 카카오톡\n상담사: 김상담\n시간: 2026-11-23 12:12:45 (Asia/Seoul)\n이메일: gil_dong@example.com",
        },
        { text: "배송 문의드립니다" },
      ],
    });
  });

  it("a digest of twelve: ten attachments with their links, 외 2건 and the log link in text", () => {
    const { body } = build(digestOf(12));
    expect(body.text).toBe(
      `📥 새 문의 12건 · 알림이 한꺼번에 몰려 12건을 하나로 묶어 보냅니다.\n시간: 2026-11-23 12:12:45 (Asia/Seoul)\n외 2건 · [발송 기록에서 모두 보기](${LOG_URL})`,
    );
    expect(body.attachments).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        title: "열기",
        titleLink: `https://chat.example.com/ws/sessions/s_${i + 1}`,
        text: digestLine(i + 1),
      })),
    );
  });

  it("the test message has no link", () => {
    expect(build(testAlert).body.attachments).toEqual([
      { color: "#6B7280", text: "알림 이름: CS 슬랙\n시간: 2026-11-23 12:12:45 (Asia/Seoul)" },
    ]);
  });
});

describe("dooray buildRequest: hostile customer text", () => {
  const { body } = build(inquiry({ customer: { name: "[@홍](dooray://1/members/2)", email: "a_b@c.example" }, message: HOSTILE_MESSAGE }));

  it("escapes Markdown, breaks @, < and [ and quotes a fake link line of ours", () => {
    expect(body.attachments[1].text).toBe(
      `결제가 안 돼요 @${Z}everyone @${Z}here <${Z}@${Z}123\\> <${Z}@${Z}&456\\> <${Z}!channel\\> <${Z}users/all\\> ` +
        `\\[${Z}여기\\]\\(https://evil.example\\) <${Z}img src=x\\> <${Z}b\\>x<${Z}/b\\>\n│ 상담 열기: https://evil.example`,
    );
    expect(body.text).toBe(`💬 고객 메시지 접수 · \\[${Z}@${Z}홍\\]\\(dooray://1/members/2\\) 고객이 메시지를 남겼습니다.`);
    expect(body.attachments[0].text).toContain("이메일: a_b@c.example");
  });

  it("keeps customer text out of titles, links and the bot name", () => {
    expect(body.botName).toBe("알리미");
    expect(body.attachments[0]).toMatchObject({ title: "상담 열기", titleLink: SESSION_URL });
    expect(body.attachments[1]).not.toHaveProperty("titleLink");
  });
});

describe("dooray buildRequest: limits", () => {
  it("a huge digest stays under 16 KB and 10 attachments, counting what it leaves out", () => {
    const long = `https://chat.example.com/ws/sessions/${"s".repeat(2_500)}`;
    const alert = digestOf(10, 25);
    alert.items = alert.items.map((i) => ({ ...i, session: { ...i.session, url: long } }));
    const { req, body } = build(alert);
    expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(DOORAY_LIMITS.bytes);
    expect(body.text).toContain(`외 ${25 - body.attachments.length}건`);
    expect(body.attachments.length).toBeLessThan(10);
  });
});

describe("dooray classify", () => {
  const envelope = (status: number, isSuccessful: boolean, resultCode: number, resultMessage: string) =>
    res(status, JSON.stringify({ header: { resultCode, resultMessage, isSuccessful } }));

  it("200 with isSuccessful true is delivered; a 2xx without the envelope too", () => {
    expect(doorayAdapter.classify(envelope(200, true, 0, ""), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
    expect(doorayAdapter.classify(res(200, ""), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
  });

  it("200 with isSuccessful false is permanent with Dooray's words, and a dead-looking hook pauses", () => {
    const dead = doorayAdapter.classify(envelope(200, false, -1, "Invalid incoming hook"), OCCURRED);
    expect(dead).toEqual({ kind: "permanent", status: 200, code: "invalid_hook", message: "Invalid incoming hook" });
    expect(pausesDestination("dooray", dead)).toBe(true);
    const other = doorayAdapter.classify(envelope(200, false, -2, "text too long"), OCCURRED);
    expect(pausesDestination("dooray", other)).toBe(false);
  });

  it("404 pauses; 400 fails one alert; 429 and 5xx retry", () => {
    const gone = doorayAdapter.classify(envelope(404, false, -404, "Not Found"), OCCURRED);
    expect(gone).toEqual({ kind: "permanent", status: 404, code: "invalid_hook", message: "Not Found" });
    expect(pausesDestination("dooray", gone)).toBe(true);
    expect(pausesDestination("dooray", doorayAdapter.classify(envelope(400, false, -400, "text is required"), OCCURRED))).toBe(false);
    expect(doorayAdapter.classify(res(429, "Too Many Requests", { "retry-after": "5" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 5_000,
      message: "Too Many Requests",
    });
    expect(doorayAdapter.classify(res(503, ""), OCCURRED)).toEqual({ kind: "retry", status: 503 });
  });
});
