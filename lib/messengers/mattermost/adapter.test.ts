import { describe, expect, it } from "vitest";
import { ZWSP } from "@/lib/alerts/escape";
import { CTX, inquiry, OCCURRED, res } from "../test/fixtures";
import { mattermostAdapter } from "./adapter";

const config = { name: "CS", webhookUrl: "https://chat.example.com/hooks/abcdefghijklmnopqrstuvwxyz" };

describe("mattermost adapter", () => {
  it("posts Markdown text and a Slack-style attachment", () => {
    const req = mattermostAdapter.buildRequest(inquiry(), { ...config, channel: "town-square" }, CTX);
    expect(req.headers).toEqual({ "content-type": "application/json" });
    expect(JSON.parse(req.body)).toEqual({
      text: `**💬 고객 메시지 접수** 홍길동 고객이 메시지를 남겼습니다\\. · [상담 열기](https://chat.example.com/ws/sessions/s_123)`,
      channel: "town-square",
      attachments: [
        {
          fallback: "💬 고객 메시지 접수: 홍길동 고객이 메시지를 남겼습니다.",
          color: "#2F5BEA",
          title: "💬 고객 메시지 접수",
          title_link: "https://chat.example.com/ws/sessions/s_123",
          text: "배송 문의드립니다",
          fields: [
            { title: "고객", value: "홍길동", short: true },
            { title: "유입 채널", value: "카카오톡", short: true },
            { title: "시간", value: "2026-11-23 12:12:45 (Asia/Seoul)", short: true },
          ],
        },
      ],
    });
  });

  it("leaves channel out when it is not set", () => {
    expect(JSON.parse(mattermostAdapter.buildRequest(inquiry(), config, CTX).body)).not.toHaveProperty("channel");
  });

  it("cannot let a link target end the Markdown link early", () => {
    const alert = inquiry({ session: { id: "s", url: "https://chat.example.com/a)(b|c", channel: "web" } });
    const body = JSON.parse(mattermostAdapter.buildRequest(alert, config, CTX).body);
    expect(body.text).toContain("(https://chat.example.com/a%29%28b%7Cc)");
  });

  it("escapes Markdown and breaks mentions in customer text", () => {
    const body = JSON.parse(mattermostAdapter.buildRequest(inquiry({ message: "@channel **hi** [x](http://e)" }), config, CTX).body);
    expect(body.attachments[0].text).toBe(`@${ZWSP}channel \\*\\*hi\\*\\* \\[x\\]\\(http://e\\)`);
  });

  it.each([
    [400, "web.incoming_webhook.invalid.app_error", "permanent"],
    [400, "web.incoming_webhook.parse.app_error", "permanent"],
    [403, "web.incoming_webhook.channel_locked.app_error", "permanent"],
    [403, "web.incoming_webhook.permissions.app_error", "permanent"],
    [404, "web.incoming_webhook.channel.app_error", "permanent"],
    // 501 is a 5xx, so the shared rule retries it; webhooks may be switched back on.
    [501, "web.incoming_webhook.disabled.app_error", "retry"],
  ])("maps %i %s to %s, keeping the id and message", (status, id, kind) => {
    const body = JSON.stringify({ id, message: "Some message.", status_code: status });
    expect(mattermostAdapter.classify(res(status, body), OCCURRED)).toEqual({ kind, status, code: id, message: "Some message." });
  });

  it("delivers on 200 ok and honours an HTTP-date Retry-After on 429", () => {
    expect(mattermostAdapter.classify(res(200, "ok"), 0)).toEqual({ kind: "delivered", status: 200 });
    const now = Date.parse("2026-11-23T03:00:00Z");
    expect(mattermostAdapter.classify(res(429, "", { "retry-after": "Mon, 23 Nov 2026 03:00:05 GMT" }), now)).toEqual({
      kind: "retry", status: 429, retryAfterMs: 5_000,
    });
    expect(mattermostAdapter.classify(res(429, "", { "retry-after": "soon" }), now)).toEqual({ kind: "retry", status: 429 });
  });
});
