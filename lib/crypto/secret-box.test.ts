import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDestination, insertDestination } from "@/db/queries/destinations";
import { useTempDatabase } from "@/db/test/temp-db";
import { reloadConfig } from "@/lib/env";
import { rotateSecretKey } from "./rotate";
import { decryptSecret, encryptSecret, keyFilePath } from "./secret-box";

const URL = "https://hooks.slack.com/services/T0SECRET/B0SECRET/verySecretToken42";

describe("webhook URLs at rest", () => {
  const db = useTempDatabase();
  let previousDataDir: string | undefined;

  beforeEach(() => {
    previousDataDir = process.env.DATA_DIR;
    process.env.DATA_DIR = fs.mkdtempSync("/tmp/alimi-keys-");
    delete process.env.ALIMI_SECRET_KEY;
    reloadConfig();
    (globalThis as { __alimiKey?: unknown }).__alimiKey = undefined;
  });
  afterEach(() => {
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    process.env.DATA_DIR = previousDataDir;
    reloadConfig();
    (globalThis as { __alimiKey?: unknown }).__alimiKey = undefined;
  });

  it("encrypts with AES-256-GCM and a fresh nonce each time, and detects tampering", () => {
    const a = encryptSecret(URL);
    const b = encryptSecret(URL);
    expect(a).not.toBe(b);
    expect(a).not.toContain("verySecretToken42");
    expect(decryptSecret(a)).toBe(URL);
    const tampered = a.slice(0, -4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => decryptSecret(tampered)).toThrow();
  });

  it("creates the key file on first use, readable by the owner only", () => {
    encryptSecret(URL);
    expect(fs.statSync(keyFilePath()).mode & 0o777).toBe(0o600);
  });

  it("stores no webhook URL in plain text, and rotation keeps every URL readable", () => {
    const saved = insertDestination({
      messenger: "slack",
      name: "n",
      webhookUrl: URL,
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    });
    const raw = db().$client.prepare("select webhook_url from destinations").get() as { webhook_url: string };
    expect(raw.webhook_url.startsWith("enc:v1:")).toBe(true);
    expect(raw.webhook_url).not.toContain("hooks.slack.com");
    const oldKey = fs.readFileSync(keyFilePath(), "utf8");

    expect(rotateSecretKey().count).toBe(1);
    expect(fs.readFileSync(keyFilePath(), "utf8")).not.toBe(oldKey);
    const rotated = db().$client.prepare("select webhook_url from destinations").get() as { webhook_url: string };
    expect(rotated.webhook_url).not.toBe(raw.webhook_url);
    expect(findDestination(saved.id)?.webhookUrl).toBe(URL);
  });

  it("uses ALIMI_SECRET_KEY when set", () => {
    process.env.ALIMI_SECRET_KEY = "a".repeat(64);
    reloadConfig();
    const sealed = encryptSecret(URL);
    expect(fs.existsSync(keyFilePath())).toBe(false);
    expect(decryptSecret(sealed)).toBe(URL);
    delete process.env.ALIMI_SECRET_KEY;
    reloadConfig();
  });
});
