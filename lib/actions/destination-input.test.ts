import { describe, expect, it } from "vitest";
import { destinationInput } from "./destination-input";
import { fieldErrorsOf } from "./result";

const errorsOf = (input: unknown) => {
  const parsed = destinationInput.safeParse(input);
  return parsed.success ? null : fieldErrorsOf(parsed.error);
};

describe("destinationInput", () => {
  it("judges the values with the chosen messenger's schema, errors on the values' own fields", () => {
    expect(
      errorsOf({
        messenger: "slack",
        values: { id: "", name: "", webhookUrl: "http://hooks.slack.com/services/T1/B2/x", enabled: true, channel: "" },
      }),
    ).toEqual({ name: "name.required", webhookUrl: "url.https" });
    expect(
      errorsOf({
        messenger: "jandi",
        values: { id: "", name: "잔디", webhookUrl: "https://wh.jandi.com/connect-api/webhook/1/abc", enabled: true, topic: "" },
      }),
    ).toEqual({ topic: "topic.required" });
  });

  it("blames no field for an unknown messenger", () => {
    expect(errorsOf({ messenger: "fax", values: {} })).toEqual({});
  });

  it("passes valid values through with their messenger", () => {
    const parsed = destinationInput.safeParse({
      messenger: "agit",
      values: { id: "", name: " 운영 ", webhookUrl: "https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", enabled: true },
    });
    expect(parsed.success && parsed.data).toMatchObject({ messenger: "agit", data: { name: "운영" } });
  });

  it("judges 받을 알림 with its own schema, errors under its fields, and routes everything when absent", () => {
    const values = { id: "", name: "운영", webhookUrl: "https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b", enabled: true };
    expect(errorsOf({ messenger: "agit", values, routing: { routeEvents: [], routeChannels: ["kakao"], routeTeams: "" } })).toEqual({
      routeEvents: "routing.eventsRequired",
    });
    const routed = destinationInput.safeParse({
      messenger: "agit",
      values,
      routing: { routeEvents: ["session.waiting"], routeChannels: ["kakao"], routeTeams: "cs" },
    });
    expect(routed.success && routed.data.routing).toEqual({ events: ["session.waiting"], channels: ["kakao"], teams: ["cs"] });
    const plain = destinationInput.safeParse({ messenger: "agit", values });
    expect(plain.success && plain.data.routing.teams).toEqual([]);
  });
});
