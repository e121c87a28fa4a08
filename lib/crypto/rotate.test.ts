import { createHmac } from "node:crypto";
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findDestination, insertDestination } from "@/db/queries/destinations";
import { useTempDatabase } from "@/db/test/temp-db";
import { authenticateSigned, createApiKey } from "@/lib/api-keys";
import { reloadConfig } from "@/lib/env";
import { rotateSecretKey } from "./rotate";
import { encryptSecret, generateKeyText, keyFilePath, keyFromKeyText, writeKeyFile } from "./secret-box";

const WEBHOOK = "https://hooks.slack.com/services/T0SECRET/B0SECRET/verySecretToken42";
const body = Buffer.from('{"event":"session.waiting"}');

function signedHeaders(prefix: string, secret: string, now: number) {
  const ts = Math.floor(now / 1000);
  const signature = createHmac("sha256", secret).update(`${ts}.`).update(body).digest("hex");
  return new Headers({ "x-alimi-key-id": prefix, "x-alimi-timestamp": String(ts), "x-alimi-signature": `v1=${signature}` });
}

const forgetKeys = () => Object.assign(globalThis, { __alimiKey: undefined, __alimiPendingKey: undefined });

describe("npm run secrets -- rotate", () => {
  const db = useTempDatabase();
  let previousDataDir: string | undefined;

  beforeEach(() => {
    previousDataDir = process.env.DATA_DIR;
    process.env.DATA_DIR = fs.mkdtempSync("/tmp/alimi-rotate-");
    delete process.env.ALIMI_SECRET_KEY;
    reloadConfig();
    forgetKeys();
  });
  afterEach(() => {
    fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    process.env.DATA_DIR = previousDataDir;
    reloadConfig();
    forgetKeys();
  });

  it("re-encrypts signing secrets too: a signed request still authenticates after a rotation", () => {
    const { signingSecret, row } = createApiKey("chat");
    insertDestination({
      messenger: "slack",
      name: "n",
      webhookUrl: WEBHOOK,
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    });
    const before = db().$client.prepare("select signing_secret from api_keys").get() as { signing_secret: string };

    expect(rotateSecretKey().count).toBe(2);
    forgetKeys(); // a server started after the rotation knows only the new key

    const after = db().$client.prepare("select signing_secret from api_keys").get() as { signing_secret: string };
    expect(after.signing_secret).not.toBe(before.signing_secret);
    const now = Date.now();
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, now), body, now)).toEqual({ ok: true, keyId: row.id });
  });

  it("finishes a rotation that crashed after its commit, keeping the key the rows already use", () => {
    const { signingSecret, row } = createApiKey("chat");
    const saved = insertDestination({
      messenger: "slack",
      name: "n",
      webhookUrl: WEBHOOK,
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    });
    // The crash: secret.key.next written, the webhook row committed with it, no rename yet.
    const nextText = generateKeyText();
    writeKeyFile(nextText, `${keyFilePath()}.next`);
    db()
      .$client.prepare("update destinations set webhook_url = ?")
      .run(encryptSecret(WEBHOOK, keyFromKeyText(nextText)));

    expect(() => rotateSecretKey(generateKeyText())).toThrow(/did not finish/);
    expect(rotateSecretKey().count).toBe(2);
    expect(fs.readFileSync(keyFilePath(), "utf8").trim()).toBe(nextText);
    expect(fs.existsSync(`${keyFilePath()}.next`)).toBe(false);
    forgetKeys();
    expect(findDestination(saved.id)?.webhookUrl).toBe(WEBHOOK);
    const now = Date.now();
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, now), body, now)).toMatchObject({ ok: true });
  });

  it("changes nothing when a secret cannot be read with any known key", () => {
    createApiKey("chat");
    const foreign = encryptSecret(WEBHOOK, keyFromKeyText(generateKeyText()));
    db().$client.prepare("insert into destinations (id, messenger, name, webhook_url) values ('d', 'slack', 'n', ?)").run(foreign);
    const before = db().$client.prepare("select signing_secret from api_keys").get();
    const keyBefore = fs.readFileSync(keyFilePath(), "utf8");
    expect(() => rotateSecretKey()).toThrow(/not the key in use/);
    expect(db().$client.prepare("select signing_secret from api_keys").get()).toEqual(before);
    expect(fs.readFileSync(keyFilePath(), "utf8")).toBe(keyBefore);
  });
});
