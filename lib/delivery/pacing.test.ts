import { describe, expect, it } from "vitest";
import { nextTat, paceAllowedAt, paceAllows, tatNotBefore } from "./pacing";

function sendTimes(messenger: "slack" | "jandi", arrivals: number[]): number[] {
  // Simulate a sender that sends as soon as the pace allows.
  let tat = 0;
  return arrivals.map((arrival) => {
    let now = arrival;
    while (!paceAllows(messenger, tat, now)) now += 10;
    tat = nextTat(messenger, tat, now);
    return now;
  });
}

describe("pacing", () => {
  it("sends to a Slack webhook at most once per 1.05 s, never in a burst", () => {
    const times = sendTimes("slack", [0, 0, 0, 0]);
    expect(times).toEqual([0, 1050, 2100, 3150]);
  });

  it("lets Jandi take a small burst, then about one a second (60/min)", () => {
    const times = sendTimes("jandi", Array(6).fill(0));
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    expect(times[5] - times[3]).toBeGreaterThanOrEqual(2_000);
  });

  it("does not hold back a destination that has been quiet", () => {
    expect(paceAllows("slack", 5_000, 10_000)).toBe(true);
    expect(nextTat("slack", 5_000, 10_000)).toBe(11_050);
  });

  it("keeps a burst allowance from bringing a retry forward", () => {
    // A Retry-After of 3 s at t = 10 s: Jandi (burst 3) may not send before 13 s either.
    const tat = tatNotBefore("jandi", 13_000);
    expect(paceAllowedAt("jandi", tat)).toBe(13_000);
    expect(paceAllows("jandi", tat, 12_999)).toBe(false);
    expect(paceAllows("jandi", tat, 13_000)).toBe(true);
  });
});
