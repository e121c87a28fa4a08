import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadConfig } from "@/lib/env";
import { openTestReceipt, sealTestReceipt } from "./test-receipt";

const TARGET = { messenger: "slack", webhookUrl: "https://hooks.slack.com/services/T0/B0/secretToken42", channel: "#cs" };
const OUTCOME = { at: Date.parse("2026-11-28T03:00:00Z"), ok: true, status: 200, code: null };
const NOW = OUTCOME.at + 60_000;

describe("test receipts (테스트 전송 before 저장)", () => {
  let dir = "";
  const previous = process.env.DATA_DIR;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/alimi-receipt-");
    process.env.DATA_DIR = dir;
    reloadConfig();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.env.DATA_DIR = previous;
    reloadConfig();
  });

  it("vouches for the tested outcome of exactly that target", () => {
    const receipt = sealTestReceipt(OUTCOME, TARGET);
    expect(receipt).not.toContain("secretToken42");
    expect(Buffer.from(receipt.split(".")[0], "base64url").toString()).not.toContain("hooks.slack.com");
    expect(openTestReceipt(receipt, TARGET, NOW)).toEqual(OUTCOME);
  });

  it("does not count for another URL or channel", () => {
    const receipt = sealTestReceipt(OUTCOME, TARGET);
    expect(openTestReceipt(receipt, { ...TARGET, webhookUrl: `${TARGET.webhookUrl}x` }, NOW)).toBeNull();
    expect(openTestReceipt(receipt, { ...TARGET, channel: null }, NOW)).toBeNull();
    expect(openTestReceipt(receipt, { ...TARGET, messenger: "mattermost" }, NOW)).toBeNull();
  });

  it("refuses a forged, altered, stale or malformed receipt", () => {
    const receipt = sealTestReceipt({ ...OUTCOME, ok: false, status: 404, code: "no_service" }, TARGET);
    const [payload, mac] = receipt.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, ok: true, status: 200 })).toString("base64url");
    expect(openTestReceipt(`${forged}.${mac}`, TARGET, NOW)).toBeNull();
    expect(openTestReceipt(receipt, TARGET, OUTCOME.at + 2 * 3_600_000)).toBeNull();
    for (const junk of [undefined, 42, "", "abc", "a.b.c", "x".repeat(5_000)]) expect(openTestReceipt(junk, TARGET, NOW)).toBeNull();
  });
});
