import { describe, expect, it } from "vitest";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";
import type { MessengerId } from "@/lib/messengers/ids";
import { MESSENGER_IDS } from "@/lib/messengers/ids";
import { CTX, OCCURRED } from "@/lib/messengers/test/fixtures";
import { buildPreview, type PreviewInput, previewRouting } from "./preview";
import { compileRouting, ROUTE_ALL } from "./routing";

const ALL = { routeEvents: [...ROUTE_ALL.events], routeChannels: [...ROUTE_ALL.channels], routeTeams: "" };
const input = (messenger: MessengerId, over: Partial<PreviewInput> = {}): PreviewInput => ({
  messenger,
  name: "CS 알림",
  routing: ALL,
  event: "message.submitted",
  ...over,
});
const TIME = "2026-11-23 12:12:45 (Asia/Seoul)";
const SAMPLE = "주문한 상품이 아직 도착하지 않았어요. 배송 조회 부탁드립니다.";
const f = (label: string, value: string) => ({ label, value });

describe("buildPreview: what the messenger receives, read from its adapter's request", () => {
  it("Slack: header, summary, fields, message and the button's label; the channel as typed", () => {
    const p = buildPreview(input("slack", { channel: " #cs ", name: " CS 슬랙 " }), CTX, OCCURRED);
    expect(p.destination).toBe("CS 슬랙");
    expect(p.channel).toBe("#cs");
    expect(p.received).toBe(true);
    expect(p.message).toEqual({
      kind: "card",
      title: "💬 고객 메시지 접수",
      summary: "홍길동 고객이 메시지를 남겼습니다.",
      fields: [f("고객", "홍길동"), f("유입 채널", "카카오톡"), f("시간", TIME), f("팀", "cs")],
      message: SAMPLE,
      linkLabel: "상담 열기",
    });
  });

  it("Jandi: the connectInfo rows as they arrive (the message is one of them), the agent for 상담사 배정", () => {
    const p = buildPreview(input("jandi", { event: "session.assigned" }), CTX, OCCURRED);
    expect(p.channel).toBeNull();
    expect(p.message).toEqual({
      kind: "card",
      title: "👤 상담사 배정",
      summary: "홍길동 고객이 김상담 상담사에게 배정되었습니다.",
      fields: [f("고객", "홍길동"), f("유입 채널", "카카오톡"), f("상담사", "김상담"), f("시간", TIME), f("팀", "cs"), f("메시지", SAMPLE)],
      linkLabel: "상담 열기",
    });
  });

  it("plain-text messengers show the exact text, in the workspace language and time zone", () => {
    const p = buildPreview(input("hiworks"), { locale: "en", timeZone: "America/New_York" }, OCCURRED);
    expect(p.message).toEqual({
      kind: "text",
      text: [
        "[Alimi] 💬 New customer message",
        "Alex Kim left a message.",
        "",
        "Customer: Alex Kim",
        "Channel: KakaoTalk",
        "Time: 2026-11-22 22:12:45 (America/New_York)",
        "Team: cs",
        "Message:",
        "│ My order hasn't arrived yet. Could you check the delivery?",
        "",
        "Open conversation: https://chat.example.com/sessions/preview",
      ].join("\n"),
    });
  });

  it("never contains the address it would go to, for any messenger", () => {
    for (const m of MESSENGER_IDS) {
      const text = JSON.stringify(buildPreview(input(m), CTX, OCCURRED));
      expect(text).not.toContain("preview.invalid");
      expect(JSON.parse(text).message.kind === "text" || JSON.parse(text).message.title).toBeTruthy();
    }
  });
});

describe("buildPreview: the 받을 알림 rows", () => {
  const routing = { routeEvents: ["message.submitted", "session.waiting"], routeChannels: ["kakao", "web"], routeTeams: "vip, cs" };
  const p = buildPreview(input("slack", { routing, event: "session.waiting" }), CTX, OCCURRED);

  it("the three events, the chosen event from every other channel, then without a team; the sample team is the first named", () => {
    expect(p.rows.map((r) => [r.event, r.channel, r.team, r.received])).toEqual([
      ["message.submitted", "kakao", "vip", true],
      ["session.waiting", "kakao", "vip", true],
      ["session.assigned", "kakao", "vip", false],
      ["session.waiting", "web", "vip", true],
      ["session.waiting", "app", "vip", false],
      ["session.waiting", "naver", "vip", false],
      ["session.waiting", "other", "vip", false],
      ["session.waiting", "kakao", null, false],
    ]);
    expect(p.received).toBe(true);
    expect(p.message.kind === "card" && p.message.fields).toContainEqual(f("팀", "vip"));
  });

  it("every row agrees with lib/destinations/routing.ts, for every rule set tried", () => {
    const rules = [routing, ALL, { routeEvents: ["session.assigned"], routeChannels: ["app"], routeTeams: "" }];
    for (const r of rules) {
      for (const event of EVENT_TYPES) {
        const matches = compileRouting(previewRouting(r));
        for (const row of buildPreview(input("slack", { routing: r, event }), CTX, OCCURRED).rows) {
          const alert = { event: row.event, session: { id: "x", url: "", channel: row.channel }, ...(row.team ? { team: row.team } : {}) };
          expect(row.received).toBe(matches(alert));
        }
      }
    }
  });

  it("reads half-edited rules leniently: nothing ticked receives nothing", () => {
    const none = buildPreview(
      input("slack", { routing: { routeEvents: [], routeChannels: [...SESSION_CHANNELS], routeTeams: "" } }),
      CTX,
      OCCURRED,
    );
    expect(none.received).toBe(false);
    expect(none.rows.every((r) => !r.received)).toBe(true);
  });
});
