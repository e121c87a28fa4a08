import { describe, expect, it } from "vitest";
import type { MessengerId } from "@/lib/messengers/ids";
import { pausesDestination } from "./health";

// 자동 중지: the codes each messenger's definition marks `pauses`, the sender's blocked address,
// and the statuses that mean the webhook is gone, whatever the messenger.
describe("pausesDestination", () => {
  it.each<[MessengerId, string]>([
    ["slack", "no_service"],
    ["slack", "channel_is_archived"],
    ["mattermost", "web.incoming_webhook.channel_locked.app_error"],
    ["jandi", "40051"],
    ["agit", "blocked_address"],
  ])("%s: %s pauses, even with a 400", (messenger, code) => {
    expect(pausesDestination(messenger, { kind: "permanent", status: 400, code })).toBe(true);
  });

  it.each<[MessengerId, string]>([
    ["slack", "invalid_payload"],
    ["mattermost", "web.incoming_webhook.disabled.app_error"],
    ["jandi", "40052"],
    ["hiworks", "no_service"],
    ["teamroom", "40051"],
  ])("%s: %s with a 400 fails only the alert", (messenger, code) => {
    expect(pausesDestination(messenger, { kind: "permanent", status: 400, code })).toBe(false);
  });

  it.each([301, 401, 403, 404, 410])("HTTP %i pauses any messenger", (status) => {
    expect(pausesDestination("teamroom", { kind: "permanent", status })).toBe(true);
  });

  it("a retry never pauses here (the give-up rule does)", () => {
    expect(pausesDestination("slack", { kind: "retry", status: 503, code: "no_service" })).toBe(false);
  });
});
