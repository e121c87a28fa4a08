import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/db/test/temp-db";
import { LOGIN_WINDOW_MS, loginRetryAfterSeconds, MAX_FAILURES_PER_ADDRESS, noteLoginFailure } from "./throttle";

describe("sign-in throttling", () => {
  useTempDatabase();

  it("allows a few mistakes, then asks the address to wait until the window passes", () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) noteLoginFailure("10.0.0.1", "a@example.com", t0 + i);
    expect(loginRetryAfterSeconds("10.0.0.1", "a@example.com", t0 + 10)).toBe(0);
    noteLoginFailure("10.0.0.1", "b@example.com", t0 + 10);
    expect(loginRetryAfterSeconds("10.0.0.1", "c@example.com", t0 + 20)).toBe(60);
    expect(loginRetryAfterSeconds("10.0.0.2", "c@example.com", t0 + 20)).toBe(0);
    expect(loginRetryAfterSeconds("10.0.0.1", "c@example.com", t0 + LOGIN_WINDOW_MS + 11)).toBe(0);
  });

  it("also limits one account attacked from many addresses", () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 10; i++) noteLoginFailure(`10.0.1.${i}`, "Admin@example.com", t0 + i);
    expect(loginRetryAfterSeconds("10.0.9.9", "admin@example.com", t0 + 100)).toBeGreaterThan(0);
  });
});
