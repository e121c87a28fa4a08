import { describe, expect, it } from "vitest";
import { hintFor, hintForCode } from "./hints";

// The one-line fix under 테스트 전송, the 자동 중지 banner and 개요: the messenger's own codes come
// from its definition (lib/messengers/<id>/index.ts), the sender's and the HTTP status are shared.
describe("hints", () => {
  it.each([
    ["slack", "no_service", "revoked"],
    ["slack", "channel_is_archived", "archived"],
    ["slack", "invalid_payload", "payload"],
    ["mattermost", "web.incoming_webhook.invalid.app_error", "mattermostInvalid"],
    ["mattermost", "web.incoming_webhook.channel.app_error", "channelNotFound"],
    ["jandi", "40051", "jandiToken"],
    ["jandi", "42900", "rateLimited"],
  ])("%s %s → %s", (messenger, code, hint) => {
    expect(hintFor(messenger, { kind: "permanent", status: 400, code }, 400)).toBe(hint);
    expect(hintForCode(messenger, code)).toBe(hint);
  });

  it.each(["slack", "agit", "teamroom"])("the sender's codes mean the same for %s", (messenger) => {
    expect(hintFor(messenger, { kind: "retry", code: "timeout" }, null)).toBe("timeout");
    expect(hintForCode(messenger, "blocked_address")).toBe("blocked");
  });

  it("another messenger's code means nothing: the HTTP status decides", () => {
    expect(hintFor("agit", { kind: "permanent", status: 400, code: "40051" }, 400)).toBe("unknown");
    expect(hintFor("jandi", { kind: "permanent", status: 404, code: "no_service" }, 404)).toBe("notFound");
    expect(hintForCode("mattermost", "no_service")).toBeNull();
  });

  it("a code that is an object's property name is no hint", () => {
    expect(hintForCode("slack", "constructor")).toBeNull();
    expect(hintForCode("no-such-messenger", "toString")).toBeNull();
  });

  it("saved http_<status> codes and statuses without a code", () => {
    expect(hintForCode("hiworks", "http_410")).toBe("notFound");
    expect(hintForCode("hiworks", "http_503")).toBe("serverError");
    expect(hintFor("teamroom", { kind: "retry", status: 429 }, 429)).toBe("rateLimited");
    expect(hintFor("teamroom", { kind: "delivered", status: 200 }, 200)).toBeNull();
  });
});
