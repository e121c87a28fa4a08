import { describe, expect, it } from "vitest";
import { CTX, HOSTILE, inquiry, OCCURRED, testAlert } from "../test/fixtures";
import { emailAdapter } from "./adapter";
import { buildMail, escapeHtml } from "./mail";

const URL_ = "https://chat.example.com/ws/sessions/s_123";
const config = { name: "CS 메일", webhookUrl: "cs@example.com, lead@example.com" };

describe("the 이메일 message", () => {
  it("message.submitted: exact subject and plain text", () => {
    const mail = buildMail(inquiry(), CTX);
    expect(mail.subject).toBe("[알리미] 새 문의: 홍길동");
    expect(mail.text).toBe(
      [
        "💬 고객 메시지 접수",
        "홍길동 고객이 메시지를 남겼습니다.",
        "",
        "고객: 홍길동",
        "유입 채널: 카카오톡",
        "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
        "",
        "메시지:",
        "배송 문의드립니다",
        "",
        `상담 열기: ${URL_}`,
        "",
        "-- ",
        "알리미가 보낸 자동 알림입니다. 이 메일에는 회신하지 마세요.",
        "",
      ].join("\n"),
    );
    expect(mail.html).toContain(`<a href="${URL_}" style="color:#1d4ed8">상담 열기</a>`);
    expect(mail.html).toContain('<td style="padding:4px 12px 4px 0;vertical-align:top;text-align:left">홍길동</td>');
  });

  it("follows 상담 안내's language and time zone", () => {
    const mail = buildMail(inquiry({ event: "session.assigned", agent: { name: "김상담" } }), {
      locale: "en",
      timeZone: "America/New_York",
    });
    expect(mail.subject).toBe("[Alimi] Assigned: 홍길동 → 김상담");
    expect(mail.text).toContain("2026-11-22 22:12:45 (America/New_York)");
    expect(mail.html).toContain('<html lang="en">');
  });

  it("escapes every customer value in HTML, keeps it as text, and loads nothing remote", () => {
    const evil = `${HOSTILE} <img src="http://e.example/t.png"> <script>alert(1)</script> " '`;
    const mail = buildMail(inquiry({ customer: { name: evil, email: "x@here.example" }, message: evil }), CTX);
    expect(mail.html).not.toMatch(/<img|<script|<[a-z][^>]*\ssrc=|<http:|url\(/i);
    expect(mail.html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(mail.html).toContain("&#34; &#39;");
    expect(mail.html.match(/<a /g)).toHaveLength(1); // our conversation link only
    expect(mail.text).toContain("<script>alert(1)</script> \" '");
    // A name with line breaks cannot add header lines to the subject.
    expect(buildMail(inquiry({ customer: { name: "홍\r\nBcc: x@evil.example" } }), CTX).subject).toBe(
      "[알리미] 새 문의: 홍 Bcc: x@evil.example",
    );
  });

  it("a digest is one mail: 새 문의 N건, the first ten with links, and the rest counted", () => {
    const items = Array.from({ length: 10 }, (_, i) =>
      inquiry({ customer: { name: `고객${i}` }, session: { id: `s_${i}`, url: `https://chat.example.com/s/${i}`, channel: "web" } }),
    );
    const mail = buildMail(
      { kind: "digest", occurredAt: OCCURRED, total: 12, items, moreUrl: "https://alimi.example/deliveries?destination=d1" },
      CTX,
    );
    expect(mail.subject).toBe("[알리미] 새 문의 12건");
    expect(mail.text).toContain("1. 고객0 · 💬 고객 메시지 접수 · 12:12: 배송 문의드립니다\n   https://chat.example.com/s/0\n");
    expect(mail.text).toContain("10. 고객9");
    expect(mail.text).toContain("외 2건\n\n발송 기록에서 모두 보기: https://alimi.example/deliveries?destination=d1");
    expect(mail.html.match(/<li /g)).toHaveLength(10);
    expect(mail.html).toContain('<a href="https://chat.example.com/s/9" style="color:#1d4ed8">열기</a>');
  });

  it("the test mail names the destination", () => {
    expect(buildMail(testAlert, CTX).subject).toBe("[알리미] 테스트 메일: CS 슬랙");
  });

  it("escapeHtml covers & < > \" '", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&#38;&#60;&#62;&#34;&#39;");
  });
});

describe("email adapter buildRequest", () => {
  it("writes one mail to every saved recipient, marked as automatic", () => {
    const req = emailAdapter.buildRequest(inquiry(), config, CTX);
    expect(req).toMatchObject({ kind: "mail", to: ["cs@example.com", "lead@example.com"], subject: "[알리미] 새 문의: 홍길동" });
    expect(req.headers).toEqual({ "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" });
  });
});
