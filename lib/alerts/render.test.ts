import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { ALERT_COLORS, formatAlertTime, mapUntrusted, renderAlert } from "./render";
import type { AlertContext, InquiryAlert, SessionChannel } from "./types";

const OCCURRED = Date.parse("2026-11-23T03:12:45Z"); // 12:12:45 in Seoul
const KO: AlertContext = { locale: "ko", timeZone: "Asia/Seoul" };
const EN: AlertContext = { locale: "en", timeZone: "Asia/Seoul" };
const URL_ = "https://chat.example.com/ws/sessions/s_123";

const inquiry = (overrides: Partial<InquiryAlert> = {}): InquiryAlert => ({
  kind: "event",
  event: "message.submitted",
  occurredAt: OCCURRED,
  session: { id: "s_123", url: URL_, channel: "kakao" },
  customer: { name: "홍길동" },
  message: "배송 문의드립니다",
  ...overrides,
});

const TIME_KO = { label: "시간", value: "2026-11-23 12:12:45 (Asia/Seoul)", untrusted: false, short: true };

describe("renderAlert: the three events", () => {
  it("message.submitted (ko)", () => {
    expect(renderAlert(inquiry(), KO)).toEqual({
      title: "💬 고객 메시지 접수",
      summary: "홍길동 고객이 메시지를 남겼습니다.",
      fields: [
        { label: "고객", value: "홍길동", untrusted: true, short: true },
        { label: "유입 채널", value: "카카오톡", untrusted: false, short: true },
        TIME_KO,
      ],
      message: "배송 문의드립니다",
      link: { url: URL_, label: "상담 열기" },
      color: "#2F5BEA",
      brand: "알리미",
      labels: { message: "메시지", open: "열기" },
    });
  });

  it("session.waiting (ko) with every optional customer field", () => {
    const view = renderAlert(
      inquiry({
        event: "session.waiting",
        message: undefined,
        customer: { name: "김민지", email: "minji@example.com", phone: "010-1234-5678" },
        team: "cs",
      }),
      KO,
    );
    expect(view.title).toBe("🙋 상담 요청");
    expect(view.summary).toBe("김민지 고객이 상담사 연결을 기다리고 있습니다.");
    expect(view.fields.map((f) => [f.label, f.value, f.untrusted])).toEqual([
      ["고객", "김민지", true],
      ["유입 채널", "카카오톡", false],
      ["시간", "2026-11-23 12:12:45 (Asia/Seoul)", false],
      ["이메일", "minji@example.com", true],
      ["전화번호", "010-1234-5678", true],
      ["팀", "cs", true],
    ]);
    expect(view).not.toHaveProperty("message");
    expect(view.color).toBe("#E8A317");
  });

  it("session.assigned (ko) names the agent, as an untrusted field after the channel", () => {
    const view = renderAlert(inquiry({ event: "session.assigned", agent: { name: "김상담" } }), KO);
    expect(view.title).toBe("👤 상담사 배정");
    expect(view.summary).toBe("홍길동 고객이 김상담 상담사에게 배정되었습니다.");
    expect(view.fields[2]).toEqual({ label: "상담사", value: "김상담", untrusted: true, short: true });
    expect(view.color).toBe("#1C7C4A");
  });

  it("speaks English when the workspace language is English", () => {
    const submitted = renderAlert(inquiry(), EN);
    expect(submitted.title).toBe("💬 New customer message");
    expect(submitted.link).toEqual({ url: URL_, label: "Open conversation" });
    expect(submitted.fields.map((f) => f.label)).toEqual(["Customer", "Channel", "Time"]);
    expect(renderAlert(inquiry({ event: "session.waiting" }), EN).title).toBe("🙋 Customer waiting");
    const assigned = renderAlert(inquiry({ event: "session.assigned", agent: { name: "Kim" } }), EN);
    expect(assigned.title).toBe("👤 Agent assigned");
    expect(assigned.summary).toBe("홍길동 was assigned to Kim.");
    expect(assigned.fields[2].label).toBe("Agent");
  });

  it("gives every event its own colour", () => {
    const colors = Object.values(ALERT_COLORS);
    expect(
      new Set([ALERT_COLORS["message.submitted"], ALERT_COLORS["session.waiting"], ALERT_COLORS["session.assigned"], ALERT_COLORS.test])
        .size,
    ).toBe(4);
    for (const c of colors) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe("renderAlert: channels", () => {
  it.each<[SessionChannel, string, string]>([
    ["web", "웹", "Web"],
    ["app", "앱", "App"],
    ["kakao", "카카오톡", "KakaoTalk"],
    ["naver", "네이버 톡톡", "Naver TalkTalk"],
    ["other", "기타", "Other"],
  ])("%s reads %s / %s", (channel, koLabel, enLabel) => {
    const alert = inquiry({ session: { id: "s", url: URL_, channel } });
    expect(renderAlert(alert, KO).fields[1]).toMatchObject({ label: "유입 채널", value: koLabel, untrusted: false });
    expect(renderAlert(alert, EN).fields[1]).toMatchObject({ label: "Channel", value: enLabel });
  });
});

describe("renderAlert: customer text", () => {
  it("truncates a 5,000-character message to 1,000 characters ending in …", () => {
    const view = renderAlert(inquiry({ message: "가".repeat(5_000) }), KO);
    expect(view.message).toBe(`${"가".repeat(999)}…`);
  });

  it("keeps Korean, emoji and line breaks in the message, and drops bidi overrides", () => {
    expect(renderAlert(inquiry({ message: "  안녕하세요 😀🇰🇷\r\n둘째 줄\u202E  " }), KO).message).toBe("안녕하세요 😀🇰🇷\n둘째 줄");
  });

  it("leaves out an empty or whitespace-only message", () => {
    expect(renderAlert(inquiry({ message: " \n " }), KO)).not.toHaveProperty("message");
    expect(renderAlert(inquiry({ message: "" }), KO)).not.toHaveProperty("message");
  });

  it("puts the customer name on one line and at most 200 characters, in the summary too", () => {
    const view = renderAlert(inquiry({ customer: { name: `홍\n시간: 가짜${"이".repeat(500)}` } }), KO);
    expect(view.fields[0].value).not.toContain("\n");
    expect([...view.fields[0].value].length).toBe(200);
    expect(view.summary).toBe(`${view.fields[0].value} 고객이 메시지를 남겼습니다.`);
  });

  it("never parses customer text as a template: braces and ICU syntax stay literal", () => {
    const view = renderAlert(
      inquiry({ event: "session.assigned", customer: { name: "{agent} {count, plural, one {x}}" }, agent: { name: "{customer}" } }),
      KO,
    );
    expect(view.summary).toBe("{agent} {count, plural, one {x}} 고객이 {customer} 상담사에게 배정되었습니다.");
  });
});

describe("renderAlert: time", () => {
  it("formats in the workspace time zone, naming the zone", () => {
    expect(formatAlertTime(OCCURRED, "Asia/Seoul")).toBe("2026-11-23 12:12:45 (Asia/Seoul)");
    expect(formatAlertTime(OCCURRED, "UTC")).toBe("2026-11-23 03:12:45 (UTC)");
    expect(formatAlertTime(OCCURRED, "America/New_York")).toBe("2026-11-22 22:12:45 (America/New_York)");
  });

  it("uses 24-hour time, also at midnight", () => {
    expect(formatAlertTime(Date.parse("2026-11-23T15:00:00Z"), "Asia/Seoul")).toBe("2026-11-24 00:00:00 (Asia/Seoul)");
  });
});

describe("renderAlert: the test message", () => {
  it("says plainly it is a test from the 추가 알림 settings and names the destination", () => {
    const view = renderAlert({ kind: "test", occurredAt: OCCURRED, destinationName: "CS 슬랙" }, KO);
    expect(view).toEqual({
      title: "✅ [테스트] 추가 알림 설정에서 보낸 테스트 메시지입니다",
      summary: "'CS 슬랙' 알림으로 보낸 테스트입니다. 이 메시지가 보이면 제대로 연결된 것입니다.",
      fields: [{ label: "알림 이름", value: "CS 슬랙", untrusted: true, short: true }, TIME_KO],
      color: "#6B7280",
      brand: "알리미",
      labels: { message: "메시지", open: "열기" },
    });
  });

  it("in English too", () => {
    const view = renderAlert({ kind: "test", occurredAt: OCCURRED, destinationName: "CS" }, EN);
    expect(view.title).toBe("✅ [Test] This is a test message from the messenger alert settings");
    expect(view.summary).toBe("Sent to 'CS'. If you can read this, the alert is connected correctly.");
  });
});

describe("renderAlert: digests and notices", () => {
  it("a digest lists its alerts with their links and counts the rest", () => {
    const view = renderAlert(
      {
        kind: "digest",
        occurredAt: OCCURRED,
        total: 5,
        items: [inquiry(), inquiry({ message: undefined, event: "session.waiting" })],
        moreUrl: "https://alimi.example/deliveries",
      },
      KO,
    );
    expect(view.title).toBe("📥 새 문의 5건");
    expect(view.items).toEqual([
      { text: "홍길동 · 💬 고객 메시지 접수 · 12:12: 배송 문의드립니다", url: URL_ },
      { text: "홍길동 · 🙋 상담 요청 · 12:12", url: URL_ },
    ]);
    expect(view.more).toBe("외 3건");
    expect(view.link).toEqual({ url: "https://alimi.example/deliveries", label: "발송 기록에서 모두 보기" });
  });

  it("a notice says which destination paused and why", () => {
    const view = renderAlert(
      { kind: "notice", occurredAt: OCCURRED, change: "paused", destinationName: "CS", messenger: "slack", reason: "no_service" },
      KO,
    );
    expect(view.title).toBe("⚠️ 추가 알림 자동 중지");
    expect(view.summary).toBe("'CS' (slack) 알림이 자동 중지되었습니다. 사유: no_service");
    expect(view.color).toBe("#C8322F");
  });
});

describe("mapUntrusted", () => {
  it("escapes exactly the untrusted values", () => {
    const view = mapUntrusted(renderAlert(inquiry({ event: "session.assigned", agent: { name: "김상담" } }), KO), (s) => `<${s}>`);
    expect(view.title).toBe("👤 상담사 배정");
    expect(view.summary).toBe("<홍길동 고객이 김상담 상담사에게 배정되었습니다.>");
    expect(view.fields.map((f) => f.value)).toEqual(["<홍길동>", "카카오톡", "<김상담>", "2026-11-23 12:12:45 (Asia/Seoul)"]);
    expect(view.message).toBe("<배송 문의드립니다>");
    expect(view.link).toEqual({ url: URL_, label: "상담 열기" });
  });
});

describe("message catalogues", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

  it("ko and en have exactly the same alert keys, none empty", () => {
    expect(keys(en.alert)).toEqual(keys(ko.alert));
    const flat = (v: unknown): string[] => (typeof v === "string" ? [v] : Object.values(v as object).flatMap(flat));
    expect([...flat(ko.alert), ...flat(en.alert)].every((s) => s.trim() !== "")).toBe(true);
  });
});

describe("fill: plain {name} substitution", () => {
  it("reads the JSON as written and in next-intl's precompiled form (the Next build imports that)", async () => {
    const { fill } = await import("./render");
    expect(fill("{customer} 고객이 {agent}에게", { customer: "홍길동", agent: "김상담" })).toBe("홍길동 고객이 김상담에게");
    expect(fill([["customer"], " 고객이 ", ["agent"], "에게"], { customer: "홍길동", agent: "{x}" })).toBe("홍길동 고객이 {x}에게");
  });
});
