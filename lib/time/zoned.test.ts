import { describe, expect, it } from "vitest";
import { wallClock, zonedDayStart, zonedTimeToMs, zoneOffsetMs } from "./zoned";

describe("wall-clock time in a time zone", () => {
  it("Asia/Seoul is UTC+9 all year", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T00:00:00Z"), "Asia/Seoul")).toBe(9 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2026-07-15T00:00:00Z"), "Asia/Seoul")).toBe(9 * 3_600_000);
    expect(zonedDayStart("2026-11-28", "Asia/Seoul")).toBe(Date.parse("2026-11-27T15:00:00Z"));
  });

  it("follows daylight saving in America/New_York", () => {
    expect(zonedDayStart("2026-01-10", "America/New_York")).toBe(Date.parse("2026-01-10T05:00:00Z"));
    expect(zonedDayStart("2026-07-10", "America/New_York")).toBe(Date.parse("2026-07-10T04:00:00Z"));
    // 2026-03-08 02:30 does not exist (clocks jump 02:00 → 03:00): the instant after the jump.
    expect(zonedTimeToMs({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York")).toBe(
      Date.parse("2026-03-08T07:30:00Z"),
    );
    // 2026-11-01 01:30 happens twice: the first one (EDT).
    expect(zonedTimeToMs({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York")).toBe(
      Date.parse("2026-11-01T05:30:00Z"),
    );
  });

  it("reads the wall clock back", () => {
    expect(wallClock(Date.parse("2026-11-27T15:00:00Z"), "Asia/Seoul")).toEqual({
      year: 2026,
      month: 11,
      day: 28,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it("adds days across month ends and refuses impossible dates", () => {
    expect(zonedDayStart("2026-12-31", "Asia/Seoul", 1)).toBe(Date.parse("2026-12-31T15:00:00Z"));
    expect(zonedDayStart("2026-02-30", "Asia/Seoul")).toBeUndefined();
    expect(zonedDayStart("26-02-01", "Asia/Seoul")).toBeUndefined();
  });
});
