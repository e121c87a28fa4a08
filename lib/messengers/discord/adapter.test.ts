import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/types";
import { pausesDestination } from "@/lib/delivery/health";
import { digestLine, digestOf, HOSTILE_MESSAGE, LOG_URL, richInquiry, SESSION_URL, Z } from "../cards/test-fixtures";
import { CTX, inquiry, OCCURRED, res } from "../test/fixtures";
import { discordAdapter, discordQuietMs, EMBED_LIMITS } from "./adapter";

const URL_ = "https://discord.com/api/webhooks/123456789012345678/tok_0123456789abcdefghijABCDEFGHIJ";
const build = (alert: Alert = richInquiry(), webhookUrl = URL_) => {
  const req = discordAdapter.buildRequest(alert, { name: "CS", webhookUrl }, CTX);
  return { req, body: JSON.parse(req.body), embed: JSON.parse(req.body).embeds[0] };
};
const f = (name: string, value: string, inline?: boolean) => ({ name, value, ...(inline ? { inline } : {}) });
const TIME = f("시간", "2026-11-23 12:12:45 (Asia/Seoul)", true);

describe("discord buildRequest: exact payloads", () => {
  it("an inquiry: one embed with fields, no content, allowed_mentions empty, ?wait=true", () => {
    const { req, body } = build();
    expect(req).toMatchObject({ url: `${URL_}?wait=true`, method: "POST", headers: { "content-type": "application/json" } });
    expect(body).toEqual({
      username: "알리미",
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: "💬 고객 메시지 접수",
          url: SESSION_URL,
          description: "홍길동 고객이 메시지를 남겼습니다.",
          color: 0x2f5bea,
          fields: [
            f("고객", "홍길동", true),
            f("유입 채널", "카카오톡", true),
            f("상담사", "김상담", true),
            TIME,
            f("이메일", "gil_dong@example.com", true),
            f("메시지", "배송 문의드립니다"),
            f("상담 열기", `[상담 열기](${SESSION_URL})`),
          ],
          timestamp: "2026-11-23T03:12:45.000Z",
          footer: { text: "알리미" },
        },
      ],
    });
  });

  it("a digest of twelve: ten numbered lines with links, 외 2건, the log link", () => {
    const { embed } = build(digestOf(12));
    expect(embed.title).toBe("📥 새 문의 12건");
    expect(embed.url).toBe(LOG_URL);
    expect(embed.fields).toEqual([
      TIME,
      ...Array.from({ length: 10 }, (_, i) =>
        f(`${i + 1}`, `${digestLine(i + 1)} · [열기](https://chat.example.com/ws/sessions/s_${i + 1})`),
      ),
      f("…", "외 2건"),
      f("발송 기록에서 모두 보기", `[발송 기록에서 모두 보기](${LOG_URL})`),
    ]);
  });

  it("keeps the admin's thread_id and replaces a pasted wait", () => {
    expect(build(richInquiry(), `${URL_}?thread_id=123456789012345678&wait=false`).req.url).toBe(
      `${URL_}?thread_id=123456789012345678&wait=true`,
    );
  });
});

describe("discord buildRequest: hostile customer text", () => {
  const { body, embed } = build(inquiry({ customer: { name: "@everyone **x**", email: "a_b@c.example" }, message: HOSTILE_MESSAGE }));

  it("escapes Markdown and breaks mention syntax, as the docs say", () => {
    expect(embed.fields.find((x: { name: string }) => x.name === "메시지").value).toBe(
      `결제가 안 돼요 @${Z}everyone @${Z}here <${Z}@${Z}123\\> <${Z}@${Z}&456\\> <${Z}!channel\\> <${Z}users/all\\> ` +
        `\\[여기\\]\\(https://evil.example\\) <${Z}img src=x\\> <${Z}b\\>x<${Z}/b\\>\n상담 열기: https://evil.example`,
    );
    expect(embed.fields[0].value).toBe(`@${Z}everyone \\*\\*x\\*\\*`);
    expect(embed.fields.find((x: { name: string }) => x.name === "이메일").value).toBe("a_b@c.example");
  });

  it("never sends content, and never lets anything ping", () => {
    expect(body).not.toHaveProperty("content");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(embed)).not.toMatch(/(^|[^\\])\]\(https:\/\/evil/);
  });
});

describe("discord buildRequest: limits", () => {
  it("keeps every embed limit and the 6,000 total for a huge hostile digest", () => {
    const long = `https://chat.example.com/ws/sessions/${"s".repeat(900)}`;
    const alert = digestOf(10, 50);
    alert.items = alert.items.map((i) => ({
      ...i,
      customer: { name: "*".repeat(300) },
      message: "_".repeat(5_000),
      session: { ...i.session, url: long },
    }));
    const { embed } = build(alert);
    const total = [
      embed.title,
      embed.description,
      embed.footer.text,
      ...embed.fields.flatMap((x: { name: string; value: string }) => [x.name, x.value]),
    ].join("").length;
    expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    for (const x of embed.fields) expect(x.value.length).toBeLessThanOrEqual(1_024);
    const shown = embed.fields.filter((x: { name: string }) => /^\d+$/.test(x.name)).length;
    expect(embed.fields.find((x: { name: string }) => x.name === "…").value).toBe(`외 ${50 - shown}건`);
  });

  it("cuts a long escaped message to the 1,024 field limit", () => {
    const { embed } = build(inquiry({ message: "[".repeat(1_000) }));
    expect(embed.fields.find((x: { name: string }) => x.name === "메시지").value).toHaveLength(1_024);
  });
});

describe("discord classify", () => {
  const d = (status: number, code: number, message: string) => res(status, JSON.stringify({ message, code }));

  it("204 and 200 (wait=true) are delivered", () => {
    expect(discordAdapter.classify(res(204, ""), OCCURRED)).toEqual({ kind: "delivered", status: 204 });
    expect(discordAdapter.classify(res(200, '{"id":"1"}'), OCCURRED)).toEqual({ kind: "delivered", status: 200 });
  });

  it.each([
    [404, 10015, "Unknown Webhook", true],
    [401, 50027, "Invalid Webhook Token", true],
    [403, 50013, "Missing Permissions", true],
    [400, 50006, "Cannot send an empty message", false],
    [400, 50035, "Invalid Form Body", false],
  ])("%i %i is permanent with the code; pauses: %s", (status, code, message, pauses) => {
    const outcome = discordAdapter.classify(d(status, code, message), OCCURRED);
    expect(outcome).toEqual({ kind: "permanent", status, code: String(code), message });
    expect(pausesDestination("discord", outcome)).toBe(pauses);
  });

  it("429 waits retry_after (float seconds), else X-RateLimit-Reset-After, else Retry-After", () => {
    const body = JSON.stringify({ message: "You are being rate limited.", retry_after: 0.75, global: false });
    expect(discordAdapter.classify(res(429, body, { "retry-after": "1", "x-ratelimit-reset-after": "0.900" }), OCCURRED)).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 750,
      message: "You are being rate limited.",
    });
    expect(discordAdapter.classify(res(429, "{}", { "retry-after": "1", "x-ratelimit-reset-after": "0.9" }), OCCURRED)).toMatchObject({
      retryAfterMs: 900,
    });
    expect(discordAdapter.classify(res(429, "", { "retry-after": "2" }), OCCURRED)).toMatchObject({ retryAfterMs: 2_000 });
    expect(discordAdapter.classify(res(502, "bad"), OCCURRED)).toEqual({ kind: "retry", status: 502, message: "bad" });
  });

  it("tells the sender to wait when the bucket is empty after a delivered post", () => {
    expect(discordQuietMs(res(204, "", { "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": "1.5" }))).toBe(1_500);
    expect(discordQuietMs(res(204, "", { "x-ratelimit-remaining": "3", "x-ratelimit-reset-after": "1.5" }))).toBeUndefined();
    // …and says so in the outcome, which lib/delivery/settle.ts turns into the destination's pace.
    expect(
      discordAdapter.classify(res(200, '{"id":"1"}', { "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": "1.5" }), OCCURRED),
    ).toEqual({
      kind: "delivered",
      status: 200,
      quietMs: 1_500,
    });
  });
});
