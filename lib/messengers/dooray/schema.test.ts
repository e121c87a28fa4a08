import { describe, expect, it } from "vitest";
import { urlError } from "../cards/url-cases";
import { dooray } from ".";

const GOOD = "https://hook.dooray.com/services/1234567890123456789/2345678901234567890/AbCdEfGhIjKlMnOpQrStUv";
const err = (url: string, loopback = false) => urlError(dooray.configSchema, url, loopback);

describe("dooray webhook URL", () => {
  it("accepts hook.dooray.com and the public-sector hook.gov-dooray.com", () => {
    expect(err(GOOD)).toBeNull();
    expect(err(GOOD.replace("hook.dooray.com", "hook.gov-dooray.com"))).toBeNull();
  });

  it.each([
    [GOOD.replace("hook.dooray.com", "hook.dooray.co.kr"), "host"],
    [GOOD.replace("hook.dooray.com", "hook.dooray.com.evil.example"), "host"],
    [GOOD.replace("hook.dooray.com", "evilhook.dooray.com"), "host"],
    [GOOD.replace("https://", "https://a@"), "credentials"],
    [GOOD.replace("https://", "http://"), "https"],
    [GOOD.replace("/services/1234567890123456789", "/services/T123"), "path"],
    [`${GOOD}?x=1`, "path"],
  ])("refuses %s with %s", (url, key) => {
    expect(err(url)).toBe(key);
  });

  it("accepts the same path on loopback only with ALERTS_ALLOW_LOOPBACK_WEBHOOKS", () => {
    const local = GOOD.replace("https://hook.dooray.com", "http://127.0.0.1:4010");
    expect(err(local, true)).toBeNull();
    expect(err(local)).toBe("https");
  });
});
