import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type InquiryAlert, SESSION_CHANNELS } from "@/lib/alerts/types";
import { compileRouting, describeRouting, matcherFor, ROUTE_ALL, type Routing, readRouting, storedRouting } from "./routing";
import { routingInputSchema } from "./routing-schema";

const alert = (event: InquiryAlert["event"], channel: InquiryAlert["session"]["channel"], team?: string) => ({
  event,
  session: { id: "s_1", url: "https://chat.example.com/s/1", channel },
  team,
});

const TEAMS = [undefined, "cs", "sales", "CS", " cs "];

describe("받을 알림: the routing matrix", () => {
  const rules: Routing = { events: ["message.submitted", "session.waiting"], channels: ["kakao", "naver"], teams: ["cs", "vip"] };
  const matches = compileRouting(rules);

  it("matches exactly when the event, the channel and the team are all chosen (every combination)", () => {
    for (const event of EVENT_TYPES)
      for (const channel of SESSION_CHANNELS)
        for (const team of TEAMS) {
          const expected =
            rules.events.includes(event) && rules.channels.includes(channel) && (team?.trim() === "cs" || team?.trim() === "vip");
          expect(matches(alert(event, channel, team)), `${event} ${channel} ${team}`).toBe(expected);
        }
  });

  it("empty teams means every team, and alerts without a team", () => {
    const m = compileRouting({ ...ROUTE_ALL, channels: ["kakao"] });
    for (const team of TEAMS) expect(m(alert("session.waiting", "kakao", team))).toBe(true);
    expect(m(alert("session.waiting", "web", "cs"))).toBe(false);
  });

  it("team names match exactly after trimming: case matters, a missing team never matches a team list", () => {
    const m = compileRouting({ ...ROUTE_ALL, teams: ["cs"] });
    expect(m(alert("message.submitted", "web", "cs"))).toBe(true);
    expect(m(alert("message.submitted", "web", "  cs\t"))).toBe(true);
    expect(m(alert("message.submitted", "web", "CS"))).toBe(false);
    expect(m(alert("message.submitted", "web", "cs-team"))).toBe(false);
    expect(m(alert("message.submitted", "web"))).toBe(false);
    expect(m(alert("message.submitted", "web", ""))).toBe(false);
  });

  it("the default receives everything and is stored as null (rows from before 받을 알림 too)", () => {
    expect(storedRouting(ROUTE_ALL)).toBeNull();
    expect(readRouting(null)).toEqual(ROUTE_ALL);
    for (const event of EVENT_TYPES) for (const channel of SESSION_CHANNELS) expect(matcherFor(null)(alert(event, channel))).toBe(true);
  });

  it("round-trips through the stored text; unreadable text receives everything rather than lose alerts", () => {
    const text = storedRouting(rules);
    expect(text).not.toBeNull();
    expect(readRouting(text)).toEqual(rules);
    expect(readRouting("{not json")).toEqual(ROUTE_ALL);
    expect(matcherFor(text)).toBe(matcherFor(text)); // compiled once per distinct text
  });

  it("describes rules for 감사 기록", () => {
    expect(describeRouting(ROUTE_ALL)).toBe("events=all channels=all teams=all");
    expect(describeRouting(rules)).toBe("events=message.submitted,session.waiting channels=kakao,naver teams=cs,vip");
  });
});

describe("받을 알림: the schema of the form", () => {
  const parse = (input: unknown) => routingInputSchema.safeParse(input);

  it("turns the form's fields into canonical rules: ordered, deduplicated, teams trimmed", () => {
    const r = parse({
      routeEvents: ["session.waiting", "message.submitted"],
      routeChannels: ["naver", "kakao", "kakao"],
      routeTeams: " cs ,, sales\nCS , cs",
    });
    expect(r.success && r.data).toEqual({
      events: ["message.submitted", "session.waiting"],
      channels: ["kakao", "naver"],
      teams: ["cs", "sales", "CS"],
    });
    expect(parse({ routeEvents: [...EVENT_TYPES], routeChannels: [...SESSION_CHANNELS], routeTeams: " " }).data).toEqual(ROUTE_ALL);
  });

  it("refuses nothing chosen, unknown values, too many or too long teams, with a key per field", () => {
    const issues = (input: unknown) => {
      const r = parse(input);
      return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    };
    expect(issues({ routeEvents: [], routeChannels: [], routeTeams: "" })).toEqual([
      "routeEvents:routing.eventsRequired",
      "routeChannels:routing.channelsRequired",
    ]);
    expect(issues({ routeEvents: ["session.closed"], routeChannels: ["fax"], routeTeams: 3 })).toEqual([
      "routeEvents:routing.unexpected",
      "routeChannels:routing.unexpected",
      "routeTeams:routing.unexpected",
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(",");
    expect(issues({ routeEvents: ["session.waiting"], routeChannels: ["web"], routeTeams: many })).toEqual([
      "routeTeams:routing.tooManyTeams",
    ]);
    expect(issues({ routeEvents: ["session.waiting"], routeChannels: ["web"], routeTeams: "x".repeat(101) })).toEqual([
      "routeTeams:routing.teamTooLong",
    ]);
  });
});
