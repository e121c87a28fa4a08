import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { pausesDestination } from "@/lib/delivery/health";
import { digestLine, digestOf, HOSTILE_MESSAGE, LOG_URL, richInquiry, SESSION_URL, Z } from "../cards/test-fixtures";
import { CTX, inquiry, OCCURRED, res, testAlert } from "../test/fixtures";
import { TEAMS_MAX_BYTES, teamsAdapter } from "./adapter";

const URL_ =
  "https://prod-12.koreacentral.logic.azure.com:443/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc";
const build = (alert: Alert = richInquiry()) => {
  const req = teamsAdapter.buildRequest(alert, { name: "CS", webhookUrl: URL_ }, CTX);
  return { req, body: JSON.parse(req.body), card: JSON.parse(req.body).attachments[0].content };
};
const text = (t: string, extra: object = {}) => ({ type: "TextBlock", text: t, wrap: true, ...extra });
const fact = (title: string, value: string) => ({ title, value });
const TIME = fact("시간", "2026-11-23 12:12:45 (Asia/Seoul)");

describe("teams buildRequest: exact payloads", () => {
  it("an inquiry: the envelope with one Adaptive Card 1.4, a FactSet and an Open URL action", () => {
    const { req, body } = build();
    expect(req).toMatchObject({ url: URL_, method: "POST", headers: { "content-type": "application/json" } });
    expect(body).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            msteams: { width: "Full" },
            body: [
              text("💬 고객 메시지 접수", { weight: "Bolder", size: "Medium" }),
              text("홍길동 고객이 메시지를 남겼습니다."),
              {
                type: "FactSet",
                facts: [
                  fact("고객", "홍길동"),
                  fact("유입 채널", "카카오톡"),
                  fact("상담사", "김상담"),
                  TIME,
                  fact("이메일", "gil_dong@example.com"),
                ],
              },
              text("메시지", { weight: "Bolder", separator: true }),
              text("배송 문의드립니다"),
            ],
            actions: [{ type: "Action.OpenUrl", title: "상담 열기", url: SESSION_URL }],
          },
        },
      ],
    });
  });

  it("a digest of twelve is one card: ten lines with their links, 외 2건 and the delivery-log action", () => {
    const { card } = build(digestOf(12));
    expect(card.body).toEqual([
      text("📥 새 문의 12건", { weight: "Bolder", size: "Medium" }),
      text("알림이 한꺼번에 몰려 12건을 하나로 묶어 보냅니다."),
      { type: "FactSet", facts: [TIME] },
      ...Array.from({ length: 10 }, (_, i) =>
        text(`${digestLine(i + 1)} [열기](https://chat.example.com/ws/sessions/s_${i + 1})`, { separator: true }),
      ),
      text("외 2건", { isSubtle: true }),
    ]);
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "발송 기록에서 모두 보기", url: LOG_URL }]);
  });

  it("the test message has no action; English follows the workspace locale", () => {
    expect(build(testAlert).card).not.toHaveProperty("actions");
    const en = JSON.parse(teamsAdapter.buildRequest(inquiry(), { name: "CS", webhookUrl: URL_ }, { locale: "en", timeZone: "UTC" }).body);
    expect(en.attachments[0].content.body[2].facts[0]).toEqual(fact("Customer", "홍길동"));
    expect(en.attachments[0].content.actions[0].title).not.toBe("상담 열기");
  });
});

describe("teams buildRequest: hostile customer text", () => {
  const { card } = build(inquiry({ customer: { name: "@everyone [x](http://evil)", email: "a@b.example" }, message: HOSTILE_MESSAGE }));

  it("breaks Markdown links, mentions and tags with zero-width spaces, as the docs say", () => {
    expect(card.body[4].text).toBe(
      `결제가 안 돼요 @${Z}everyone @${Z}here <${Z}@${Z}123>${Z} <${Z}@${Z}&456>${Z} <${Z}!channel>${Z} <${Z}users/all>${Z} ` +
        `[${Z}여기]${Z}(https://evil.example) <${Z}img src=x>${Z} <${Z}b>${Z}x<${Z}/b>${Z}\n상담 열기: https://evil.example`,
    );
    expect(card.body[2].facts[0].value).toBe(`@${Z}everyone [${Z}x]${Z}(http://evil)`);
    expect(card.body[2].facts.at(-1).value).toBe("a@b.example");
  });

  it("keeps the fake link line inside the message block: the only action is ours", () => {
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "상담 열기", url: SESSION_URL }]);
    expect(JSON.stringify(card)).not.toMatch(/\]\(/);
  });
});

describe("teams buildRequest: size", () => {
  it("a digest of huge lines and links stays under 28 KB by showing fewer lines, counted in 외 N건", () => {
    const long = `https://chat.example.com/ws/sessions/${"s".repeat(3_000)}`;
    const alert = digestOf(10, 40);
    alert.items = alert.items.map((i) => ({ ...i, message: "[".repeat(5_000), session: { ...i.session, url: long } }));
    const { req, card } = build(alert);
    expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const lines = card.body.filter((b: { separator?: boolean }) => b.separator).length;
    expect(lines).toBeLessThan(10);
    expect(card.body.at(-1).text).toBe(`외 ${40 - lines}건`);
  });
});

describe("teams classify", () => {
  const flow = (status: number, code: string, message = "m") => res(status, JSON.stringify({ error: { code, message } }));

  it("202 with an empty body is delivered (the flow run is queued)", () => {
    expect(teamsAdapter.classify(res(202, ""), OCCURRED)).toEqual({ kind: "delivered", status: 202 });
  });

  it.each([
    [400, "WorkflowTriggerIsNotEnabled", true],
    [400, "TriggerInputSchemaMismatch", true],
    [401, "DirectApiInvalidAuthorizationSignature", true],
    [401, "DirectApiAuthorizationRequired", true],
    [404, "WorkflowNotFound", true],
    [400, "InvalidRequestContent", false],
  ])("%i %s is permanent with its code; pauses: %s", (status, code, pauses) => {
    const outcome = teamsAdapter.classify(flow(status, code), OCCURRED);
    expect(outcome).toEqual({ kind: "permanent", status, code, message: "m" });
    expect(pausesDestination("teams", outcome)).toBe(pauses);
  });

  it("429 waits Retry-After, or 30 s without one; 5xx retries", () => {
    expect(teamsAdapter.classify({ ...flow(429, "TooManyRequests"), headers: { "retry-after": "7" } }, OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 7_000,
      code: "TooManyRequests",
      message: "m",
    });
    expect(teamsAdapter.classify(flow(429, "TooManyRequests"), OCCURRED)).toMatchObject({ kind: "retry", retryAfterMs: 30_000 });
    expect(teamsAdapter.classify(res(502, "Bad Gateway"), OCCURRED)).toEqual({ kind: "retry", status: 502, message: "Bad Gateway" });
  });
});
