import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("configuration from the environment", () => {
  it("has the README's defaults when nothing is set", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      appBaseUrl: "http://localhost:3000",
      https: false,
      dataDir: path.resolve("./data"),
      allowLoopbackWebhooks: false,
      retryScale: 1,
      maxRetryAgeMs: 24 * 3_600_000,
      attemptTimeoutMs: 10_000,
      retentionDays: 30,
      apiRateLimitPerSecond: 200,
      initialAdmin: null,
      trustProxy: { kind: "none" },
    });
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ PORT: "", ALERTS_API_RATE_LIMIT: "" })).toMatchObject({ port: 3000, apiRateLimitPerSecond: 200 });
  });

  it("decides https once from APP_BASE_URL and follows PORT in the default URL", () => {
    expect(parseConfig({ APP_BASE_URL: "https://alimi.example.com/" })).toMatchObject({
      https: true,
      appBaseUrl: "https://alimi.example.com",
    });
    expect(parseConfig({ PORT: "3100" }).appBaseUrl).toBe("http://localhost:3100");
  });

  it("scales the give-up age with the retry scale", () => {
    expect(parseConfig({ ALERTS_RETRY_SCALE: "0.01", ALERTS_RETRY_MAX_HOURS: "2" }).maxRetryAgeMs).toBe(72_000);
  });

  it("reads TRUST_PROXY as a hop count or a list of addresses and CIDRs", () => {
    expect(parseConfig({ TRUST_PROXY: "1" }).trustProxy).toEqual({ kind: "hops", hops: 1 });
    expect(parseConfig({ TRUST_PROXY: "10.0.0.0/8, ::1" }).trustProxy).toEqual({
      kind: "cidrs",
      cidrs: [
        { address: "10.0.0.0", prefix: 8, family: "ipv4" },
        { address: "::1", prefix: 128, family: "ipv6" },
      ],
    });
  });

  it.each([
    [{ PORT: "http" }, "PORT must be a whole number"],
    [{ PORT: "70000" }, "PORT must be at most 65535"],
    [{ ALERTS_RETRY_SCALE: "2" }, "ALERTS_RETRY_SCALE must be at most 1"],
    [{ ALERTS_RETRY_SCALE: "fast" }, "ALERTS_RETRY_SCALE must be a number"],
    [{ ALERTS_ATTEMPT_TIMEOUT_MS: "60000" }, "ALERTS_ATTEMPT_TIMEOUT_MS must be at most 10000"],
    [{ ALERTS_API_RATE_LIMIT: "-1" }, "ALERTS_API_RATE_LIMIT must be at least 0"],
    [{ APP_BASE_URL: "alimi.example.com" }, "APP_BASE_URL must be an http(s) URL"],
    [{ ALERTS_ALLOW_LOOPBACK_WEBHOOKS: "yes" }, "ALERTS_ALLOW_LOOPBACK_WEBHOOKS must be 1 or unset"],
    [{ TRUST_PROXY: "10.0.0.0/33" }, 'TRUST_PROXY: "10.0.0.0/33"'],
    [{ TRUST_PROXY: "proxy.internal" }, 'TRUST_PROXY: "proxy.internal"'],
    [{ TRUST_PROXY: "::ffff:10.0.0.0/80" }, 'TRUST_PROXY: "::ffff:10.0.0.0/80"'],
    [{ ADMIN_EMAIL: "admin@example.com" }, "ADMIN_EMAIL and ADMIN_PASSWORD must be set together"],
    [{ ADMIN_EMAIL: "admin", ADMIN_PASSWORD: "correct-horse-battery" }, "ADMIN_EMAIL must be an e-mail address"],
    [{ ADMIN_EMAIL: "admin@example.com", ADMIN_PASSWORD: "short" }, "ADMIN_PASSWORD must be 10 to 200 characters"],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("lists every problem at once", () => {
    try {
      parseConfig({ PORT: "x", ALERTS_RETENTION_DAYS: "0" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("PORT");
      expect(String(error)).toContain("ALERTS_RETENTION_DAYS must be greater than 0");
    }
  });
});
