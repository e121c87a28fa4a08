import { describe, expect, it } from "vitest";
import { urlError } from "../cards/url-cases";
import { discord } from ".";

const GOOD = "https://discord.com/api/webhooks/123456789012345678/demoToken_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-abcd";
const err = (url: string, loopback = false) => urlError(discord.configSchema, url, loopback);

describe("discord webhook URL", () => {
  it.each([
    GOOD,
    GOOD.replace("discord.com", "discordapp.com"),
    GOOD.replace("/api/", "/api/v10/"),
    `${GOOD}?thread_id=123456789012345678`,
    `${GOOD}?wait=true`,
  ])("accepts %s", (url) => {
    expect(err(url)).toBeNull();
  });

  it.each([
    [GOOD.replace("discord.com", "ptb.discord.com"), "host"],
    [GOOD.replace("discord.com", "discord.com.evil.example"), "host"],
    [GOOD.replace("discord.com", "evildiscord.com"), "host"],
    [GOOD.replace("discord.com", "discord.gg"), "host"],
    [GOOD.replace("https://", "https://x:y@"), "credentials"],
    [GOOD.replace("https://", "http://"), "https"],
    [`${GOOD}/slack`, "discordFormat"],
    [`${GOOD}/github`, "discordFormat"],
    [GOOD.replace("123456789012345678", "123"), "path"],
    [GOOD.replace(/\/[^/]+$/, "/short"), "path"],
    [`${GOOD}?thread_id=abc`, "discordQuery"],
    [`${GOOD}?foo=1`, "discordQuery"],
    [`${GOOD}?wait=true&wait=false`, "discordQuery"],
  ])("refuses %s with %s", (url, key) => {
    expect(err(url)).toBe(key);
  });

  it("accepts the same path on loopback only with ALERTS_ALLOW_LOOPBACK_WEBHOOKS", () => {
    const local = GOOD.replace("https://discord.com", "http://localhost:4010");
    expect(err(local, true)).toBeNull();
    expect(err(local)).toBe("https");
  });
});
