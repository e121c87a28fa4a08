import { describe, expect, it } from "vitest";
import { dispatchSchema } from "./dispatch-schema";

const valid = {
  event: "message.submitted",
  session: { id: "s_1", url: "https://chat.example.com/ws/sessions/s_1", channel: "web" },
  customer: { name: "홍길동" },
  message: "배송 문의드립니다",
};

const paths = (body: unknown) => {
  const result = dispatchSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("dispatch body", () => {
  it("accepts the contract's example and defaults the channel", () => {
    expect(paths(valid)).toEqual([]);
    const { session } = dispatchSchema.parse({ ...valid, session: { id: "s", url: "http://x.example/s" } });
    expect(session.channel).toBe("other");
  });

  it("requires a message for message.submitted and an agent for session.assigned", () => {
    expect(paths({ ...valid, message: "  " })).toEqual(["message"]);
    expect(paths({ ...valid, event: "session.assigned" })).toEqual(["agent"]);
    expect(paths({ ...valid, event: "session.waiting", message: undefined })).toEqual([]);
  });

  it("refuses links that are not http(s), unknown events and oversized fields", () => {
    expect(paths({ ...valid, session: { ...valid.session, url: "javascript:alert(1)" } })).toEqual(["session.url"]);
    expect(paths({ ...valid, event: "session.closed" })).toEqual(["event"]);
    expect(paths({ ...valid, customer: { name: "x".repeat(201) } })).toEqual(["customer.name"]);
    expect(paths({ ...valid, occurredAt: "yesterday" })).toEqual(["occurredAt"]);
    expect(paths({ ...valid, customer: { name: "a", email: "not-mail" } })).toEqual(["customer.email"]);
  });

  it("stores the conversation link in the URL parser's normal form", () => {
    const url = (value: string) => dispatchSchema.parse({ ...valid, session: { id: "s", url: value } }).session.url;
    expect(url("HTTPS://Chat.Example.COM:443/ws/../s/가 나?q=<x>#a b")).toBe(
      "https://chat.example.com/s/%EA%B0%80%20%EB%82%98?q=%3Cx%3E#a%20b",
    );
    expect(url("https://chat.example.com")).toBe("https://chat.example.com/");
    expect(url("http://[FD00::1]:8080/s")).toBe("http://[fd00::1]:8080/s");
    expect(url("https://xn--jk1bs5x.example/s")).toBe("https://xn--jk1bs5x.example/s");
    expect(url("https://상담.example/s")).toBe("https://xn--jk1bs5x.example/s");
  });

  it("refuses a link with user info or a host a messenger could read as formatting", () => {
    for (const url of [
      "https://chat.example.com@evil.example/s",
      "https://u:p@chat.example.com/s",
      "https://a_b*c.example/s",
      "https://(x).example/s",
    ]) {
      expect([url, paths({ ...valid, session: { id: "s", url } })]).toEqual([url, ["session.url"]]);
    }
    expect(paths({ ...valid, session: { id: "s", url: `https://chat.example.com/${"가".repeat(300)}` } })).toEqual(["session.url"]);
  });

  it("refuses wrong types instead of coercing them", () => {
    expect(paths({ ...valid, customer: { name: 42 } })).toEqual(["customer.name"]);
    expect(paths([valid])).toEqual([""]);
    expect(paths(null)).toEqual([""]);
  });
});
