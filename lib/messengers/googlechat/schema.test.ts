import { describe, expect, it } from "vitest";
import { urlError } from "../cards/url-cases";
import { googlechat } from ".";

const GOOD = "https://chat.googleapis.com/v1/spaces/AAAAbc_12-3/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=abc%3D";
const err = (url: string, loopback = false) => urlError(googlechat.configSchema, url, loopback);

describe("google chat webhook URL", () => {
  it("accepts a space webhook URL with key and token, in either order", () => {
    expect(err(GOOD)).toBeNull();
    expect(err("https://chat.googleapis.com/v1/spaces/AAAA/messages?token=t%3D&key=k")).toBeNull();
  });

  it.each([
    [GOOD.replace("chat.googleapis.com", "chat.googleapis.com.evil.example"), "host"],
    [GOOD.replace("chat.googleapis.com", "evilchat.googleapis.com"), "host"],
    [GOOD.replace("chat.googleapis.com", "chat.googleapis.com:8443"), "host"],
    [GOOD.replace("https://", "https://a@"), "credentials"],
    [GOOD.replace("https://", "http://"), "https"],
    [GOOD.replace("/messages", "/messages/x"), "path"],
    [GOOD.replace("/v1/", "/v2/"), "path"],
    [GOOD.replace(/&token=[^&]+/, ""), "googleChatQuery"],
    [GOOD.replace(/key=[^&]+&/, ""), "googleChatQuery"],
    [GOOD.replace(/token=[^&]+/, "token="), "googleChatQuery"],
    [`${GOOD}&messageReplyOption=REPLY_MESSAGE_OR_FAIL`, "googleChatQuery"],
    [GOOD.replace(/\?.*/, ""), "googleChatQuery"],
  ])("refuses %s with %s", (url, key) => {
    expect(err(url)).toBe(key);
  });

  it("accepts the same shape on loopback only with ALERTS_ALLOW_LOOPBACK_WEBHOOKS", () => {
    const local = GOOD.replace("https://chat.googleapis.com", "http://127.0.0.1:4010");
    expect(err(local, true)).toBeNull();
    expect(err(local)).toBe("https");
    expect(err(local.replace(/&token=[^&]+/, ""), true)).toBe("googleChatQuery");
  });
});
