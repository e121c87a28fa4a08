import { describe, expect, it } from "vitest";
import { useTempDatabase } from "@/db/test/temp-db";
import { hashPassword, verifyPassword } from "./password";
import { addressBucket, LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, throttledCheck } from "./throttle";

const wrong = async () => false;
const right = async () => true;

describe("sign-in throttling", () => {
  useTempDatabase();

  it("allows a few mistakes, then asks the address to wait until the window passes", async () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) {
      expect(await throttledCheck("10.0.0.1", "a@example.com", wrong, t0 + i)).toEqual({ ok: false, reason: "wrong" });
    }
    expect(await throttledCheck("10.0.0.1", "b@example.com", wrong, t0 + 10)).toEqual({ ok: false, reason: "wrong" });
    // Even the right password waits now, and is not checked at all.
    let checked = false;
    const answer = await throttledCheck("10.0.0.1", "c@example.com", async () => (checked = true), t0 + 20);
    expect(answer).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 60 });
    expect(checked).toBe(false);
    expect(await throttledCheck("10.0.0.2", "c@example.com", right, t0 + 20)).toEqual({ ok: true });
    expect(await throttledCheck("10.0.0.1", "c@example.com", right, t0 + LOGIN_WINDOW_MS + 11)).toEqual({ ok: true });
  });

  it("also limits one account attacked from many addresses", async () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await throttledCheck(`10.0.1.${i}`, "Admin@example.com", wrong, t0 + i);
    const answer = await throttledCheck("10.0.9.9", "admin@example.com", right, t0 + 100);
    expect(answer).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("counts IPv6 clients per /64, since each holds that many addresses", async () => {
    const t0 = 1_800_000_000_000;
    for (let i = 1; i <= MAX_FAILURES_PER_ADDRESS; i++) {
      await throttledCheck(`2001:db8:1:2:${i}::${i}`, `user${i}@example.com`, wrong, t0 + i);
    }
    expect(await throttledCheck("2001:db8:1:2:ffff::9", "other@example.com", right, t0 + 10)).toMatchObject({ reason: "throttled" });
    expect(await throttledCheck("2001:db8:1:3::9", "other@example.com", right, t0 + 10)).toEqual({ ok: true });
  });

  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["unknown", "unknown"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["2001:db8:a::", "2001:db8:a:0::/64"],
    ["fe80::1:2:3:4", "fe80:0:0:0::/64"],
    ["2001:0db8:000a:0001::1", "2001:db8:a:1::/64"],
    ["64:ff9b::1.2.3.4", "64:ff9b:0:0::/64"],
  ])("throttles %j as %j", (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });

  it("does not count correct passwords as failures", async () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) await throttledCheck("10.0.0.1", "a@example.com", wrong, t0 + i);
    for (let i = 0; i < 20; i++) expect(await throttledCheck("10.0.0.1", "a@example.com", right, t0 + 10 + i)).toEqual({ ok: true });
    expect(await throttledCheck("10.0.0.1", "a@example.com", wrong, t0 + 40)).toEqual({ ok: false, reason: "wrong" });
    expect(await throttledCheck("10.0.0.1", "a@example.com", right, t0 + 50)).toMatchObject({ reason: "throttled" });
  });

  it("a check that throws still counts as an attempt", async () => {
    const t0 = 1_800_000_000_000;
    const boom = async (): Promise<boolean> => {
      throw new Error("hash store unreadable");
    };
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await expect(throttledCheck("10.0.0.1", "a@example.com", boom, t0 + i)).rejects.toThrow();
    }
    expect(await throttledCheck("10.0.0.1", "a@example.com", right, t0 + 10)).toMatchObject({ reason: "throttled" });
  });

  // The review's race: 80 wrong passwords sent at once were all checked against the real scrypt
  // hash, because each request counted failures before any of them had been recorded.
  it("checks at most the limit when many wrong passwords arrive at once", async () => {
    const hash = await hashPassword("the-right-password");
    let verified = 0;
    const verify = (password: string) => async () => {
      verified++;
      return verifyPassword(password, hash);
    };
    const fromOneAddress = await Promise.all(
      Array.from({ length: 80 }, (_, i) => throttledCheck("10.0.0.1", "admin@example.com", verify(`guess-${i}`))),
    );
    expect(verified).toBe(MAX_FAILURES_PER_ADDRESS);
    expect(fromOneAddress.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(80 - MAX_FAILURES_PER_ADDRESS);

    verified = 0;
    const fromManyAddresses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => throttledCheck(`10.1.${i}.1`, "owner@example.com", verify(`guess-${i}`))),
    );
    expect(verified).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(fromManyAddresses.filter((a) => a.ok)).toHaveLength(0);
  }, 30_000);
});
