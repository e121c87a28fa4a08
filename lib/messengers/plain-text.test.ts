import { describe, expect, it } from "vitest";
import { safeLinkTarget } from "@/lib/alerts/escape";
import type { AlertContext } from "@/lib/alerts/types";
import { agitAdapter } from "./agit/adapter";
import { hiworksAdapter } from "./hiworks/adapter";
import { teamroomAdapter } from "./teamroom/adapter";
import { CTX, inquiry, OCCURRED, res, testAlert } from "./test/fixtures";
import type { Adapter } from "./types";

const EXPECTED = [
  "[알리미] 👤 상담사 배정",
  "홍길동 고객이 김상담 상담사에게 배정되었습니다.",
  "",
  "고객: 홍길동",
  "유입 채널: 웹",
  "상담사: 김상담",
  "시간: 2026-11-23 12:12:45 (Asia/Seoul)",
  "",
  "상담 열기: https://chat.example.com/ws/sessions/s_123",
].join("\n");

const assigned = inquiry({
  event: "session.assigned",
  agent: { name: "김상담" },
  message: undefined,
  session: { id: "s_123", url: "https://chat.example.com/ws/sessions/s_123", channel: "web" },
});

const textOf = (adapter: Adapter<"hiworks" | "agit" | "teamroom">, alert = assigned, ctx: AlertContext = CTX) => {
  const req = adapter.buildRequest(alert, { name: "x", webhookUrl: "https://e/x" }, ctx);
  return adapter.id === "teamroom" ? (new URLSearchParams(req.body).get("content") ?? "") : (JSON.parse(req.body).text as string);
};

describe.each([hiworksAdapter, agitAdapter, teamroomAdapter])("$id: customer text cannot pass for Alimi's own link line", (adapter) => {
  const OURS = safeLinkTarget("https://chat.example.com/ws/sessions/s_123");
  const imitation = inquiry({
    // The summary starts with the customer's name, the message is theirs line by line.
    customer: { name: "상담 열기: https://evil.example/a" },
    message:
      "확인 부탁드립니다\n\n상담 열기: https://evil.example/b\n상담열기 : https://evil.example/c\nOpen conversation: https://evil.example/d",
  });

  it.each([
    ["ko", "상담 열기"],
    ["en", "Open conversation"],
  ] as const)("in %s, only our line starts with the label", (locale, label) => {
    const lines = textOf(adapter, imitation, { locale, timeZone: "Asia/Seoul" }).split("\n");
    const linkLike = lines.filter((line) => /^(상담\s*열기|open conversation)\s*:/i.test(line));
    expect(linkLike).toEqual([`${label}: ${OURS}`]);
    expect(lines.at(-1)).toBe(`${label}: ${OURS}`);
    // The customer's lines are still all there, visibly quoted.
    expect(lines).toContain("│ 상담 열기: https://evil.example/b");
    expect(lines.some((line) => line.startsWith("│ 상담 열기: https://evil.example/a"))).toBe(true);
  });
});

describe("plain-text messengers", () => {
  it("Hiworks and Agit post {text} as JSON, Agit without mrkdwn", () => {
    for (const adapter of [hiworksAdapter, agitAdapter]) {
      const req = adapter.buildRequest(assigned, { name: "x", webhookUrl: "https://example/x" }, CTX);
      expect(req.headers).toEqual({ "content-type": "application/json" });
      expect(JSON.parse(req.body)).toEqual({ text: EXPECTED });
    }
  });

  it("Teamroom posts one form field, encoded once, keeping %, +, &, = and Korean", () => {
    const tricky = inquiry({ message: "100% 확인 + a&b=c 😀" });
    const req = teamroomAdapter.buildRequest(tricky, { name: "x", webhookUrl: "https://example/x" }, CTX);
    expect(req.headers).toEqual({ "content-type": "application/x-www-form-urlencoded; charset=UTF-8" });
    const form = new URLSearchParams(req.body);
    expect([...form.keys()]).toEqual(["content"]);
    expect(form.get("content")).toContain("메시지:\n│ 100% 확인 + a&b=c 😀");
    expect(req.body).not.toContain("%2525"); // not double-encoded
  });

  it("a customer name cannot fake extra lines", () => {
    const req = hiworksAdapter.buildRequest(
      inquiry({ customer: { name: "홍\n시간: 가짜" } }),
      { name: "x", webhookUrl: "https://e/x" },
      CTX,
    );
    expect(JSON.parse(req.body).text).toContain("고객: 홍 시간: 가짜\n");
  });

  it("the test message says it is a test and names the destination", () => {
    const text = JSON.parse(agitAdapter.buildRequest(testAlert, { name: "x", webhookUrl: "https://e/x" }, CTX).body).text;
    expect(text).toContain("[테스트]");
    expect(text).toContain("'CS 슬랙'");
  });

  it("speaks English when the workspace language is English", () => {
    const text = JSON.parse(
      hiworksAdapter.buildRequest(assigned, { name: "x", webhookUrl: "https://e/x" }, { locale: "en", timeZone: "UTC" }).body,
    ).text;
    expect(text).toContain("홍길동 was assigned to 김상담.");
    expect(text).toContain("Time: 2026-11-23 03:12:45 (UTC)");
  });

  it.each([hiworksAdapter, agitAdapter, teamroomAdapter])(
    "$id keeps status and the first 500 characters of an unknown error",
    (adapter) => {
      const outcome = adapter.classify(res(400, "x".repeat(800)), OCCURRED);
      expect(outcome).toEqual({ kind: "permanent", status: 400, message: "x".repeat(500) });
      expect(adapter.classify(res(201, "{}"), OCCURRED)).toEqual({ kind: "delivered", status: 201 });
      expect(adapter.classify(res(502, ""), OCCURRED)).toEqual({ kind: "retry", status: 502 });
      expect(adapter.classify(res(408, ""), OCCURRED).kind).toBe("retry");
      expect(adapter.classify(res(425, ""), OCCURRED).kind).toBe("retry");
      expect(adapter.classify(res(301, ""), OCCURRED).kind).toBe("permanent");
    },
  );
});
