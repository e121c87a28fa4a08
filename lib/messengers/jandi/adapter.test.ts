import { describe, expect, it } from "vitest";
import { ZWSP } from "@/lib/alerts/escape";
import { CTX, inquiry, OCCURRED, res } from "../test/fixtures";
import { jandiAdapter } from "./adapter";

const config = { name: "CS", webhookUrl: "https://wh.jandi.com/connect-api/webhook/123/tok", topic: "고객문의" };

describe("jandi adapter", () => {
  it("sends both the vnd Accept and a JSON Content-Type, and never the topic", () => {
    const req = jandiAdapter.buildRequest(inquiry(), config, CTX);
    expect(req.headers).toEqual({ accept: "application/vnd.tosslab.jandi-v2+json", "content-type": "application/json" });
    expect(req.body).not.toContain("고객문의");
    expect(JSON.parse(req.body)).toEqual({
      body: "[알리미] 💬 고객 메시지 접수 [상담 열기](https://chat.example.com/ws/sessions/s_123)",
      connectColor: "#2F5BEA",
      connectInfo: [
        { title: "💬 고객 메시지 접수", description: "홍길동 고객이 메시지를 남겼습니다." },
        { title: "고객", description: "홍길동" },
        { title: "유입 채널", description: "카카오톡" },
        { title: "시간", description: "2026-11-23 12:12:45 (Asia/Seoul)" },
        { title: "메시지", description: "배송 문의드립니다" },
      ],
    });
  });

  it("keeps customer text out of body and breaks links in descriptions", () => {
    const body = JSON.parse(jandiAdapter.buildRequest(inquiry({ customer: { name: "[x](http://e) @all" } }), config, CTX).body);
    expect(body.body).not.toContain("http://e");
    expect(body.connectInfo[1].description).toBe(`[${ZWSP}x]${ZWSP}(${ZWSP}http://e)${ZWSP} @${ZWSP}all`);
  });

  it.each([
    ['{"code":40052,"msg":"Invalid payload - body"}', 400, "40052"],
    ['{"code":40051,"msg":"Invalid token"}', 400, "40051"],
    ['{"code":40000,"msg":"Invalid value"}', 400, "40000"],
  ])("maps %s to a permanent failure with Jandi's code", (body, status, code) => {
    expect(jandiAdapter.classify(res(status, body), OCCURRED)).toMatchObject({ kind: "permanent", status, code });
  });

  it("treats 403 as permanent, 429 (42900) as retry, 2xx as delivered", () => {
    expect(jandiAdapter.classify(res(403, "Forbidden"), 0)).toEqual({ kind: "permanent", status: 403, message: "Forbidden" });
    expect(jandiAdapter.classify(res(429, '{"code":42900,"msg":"Too many"}', { "retry-after": "60" }), 0)).toEqual({
      kind: "retry", status: 429, retryAfterMs: 60_000, code: "42900", message: "Too many",
    });
    expect(jandiAdapter.classify(res(200, "{}"), 0)).toEqual({ kind: "delivered", status: 200 });
  });
});
