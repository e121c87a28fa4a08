import { describe, expect, it } from "vitest";
import { nextRetryDelay } from "./retry";

const fixed = (r: number) => () => r;

describe("retry schedule", () => {
  it("follows 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then hourly", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
      nextRetryDelay({ attemptsSoFar: n, ageMs: 0, scale: 1, random: fixed(0.5) }),
    );
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it("jitters by ±20 %", () => {
    expect(nextRetryDelay({ attemptsSoFar: 1, ageMs: 0, scale: 1, random: fixed(0) })).toBe(4_000);
    expect(nextRetryDelay({ attemptsSoFar: 1, ageMs: 0, scale: 1, random: fixed(1) })).toBe(6_000);
  });

  it("honours Retry-After, clamped to a sane range", () => {
    expect(nextRetryDelay({ attemptsSoFar: 1, retryAfterMs: 3_000, ageMs: 0, scale: 1 })).toBe(3_000);
    expect(nextRetryDelay({ attemptsSoFar: 1, retryAfterMs: 0, ageMs: 0, scale: 1 })).toBe(1_000);
    expect(nextRetryDelay({ attemptsSoFar: 1, retryAfterMs: 86_400_000, ageMs: 0, scale: 1 })).toBe(3_600_000);
  });

  it("gives up once the next try would fall past 24 h", () => {
    expect(nextRetryDelay({ attemptsSoFar: 20, ageMs: 23 * 3_600_000, scale: 1, random: fixed(0.5) })).toBeNull();
    expect(nextRetryDelay({ attemptsSoFar: 20, ageMs: 22 * 3_600_000, scale: 1, random: fixed(0.5) })).toBe(3_600_000);
  });
});
