import { describe, expect, it } from "vitest";
import { retryDelay } from "./retry";

const fixed = (r: number) => () => r;

describe("retry schedule", () => {
  it("follows 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then hourly", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay({ attemptsSoFar: n, scale: 1, random: fixed(0.5) }));
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it("jitters by ±20 %", () => {
    expect(retryDelay({ attemptsSoFar: 1, scale: 1, random: fixed(0) })).toBe(4_000);
    expect(retryDelay({ attemptsSoFar: 1, scale: 1, random: fixed(1) })).toBe(6_000);
  });

  it("honours Retry-After, clamped to a sane range", () => {
    expect(retryDelay({ attemptsSoFar: 1, retryAfterMs: 3_000, scale: 1 })).toBe(3_000);
    expect(retryDelay({ attemptsSoFar: 1, retryAfterMs: 0, scale: 1 })).toBe(1_000);
    expect(retryDelay({ attemptsSoFar: 1, retryAfterMs: 86_400_000, scale: 1 })).toBe(3_600_000);
  });

  it("shrinks with ALERTS_RETRY_SCALE, Retry-After's clamp included", () => {
    expect(retryDelay({ attemptsSoFar: 2, scale: 0.01, random: fixed(0.5) })).toBe(300);
    expect(retryDelay({ attemptsSoFar: 1, retryAfterMs: 86_400_000, scale: 0.001 })).toBe(3_600);
  });
});
