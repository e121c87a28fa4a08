import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { revokeApiKey } from "@/db/queries/api-keys";
import { useTempDatabase } from "@/db/test/temp-db";
import { authenticateBearer, authenticateSigned, createApiKey } from "./api-keys";

const body = Buffer.from('{"event":"session.waiting"}');
function signedHeaders(prefix: string, secret: string, ts: number, payload: Buffer = body) {
  const sig = createHmac("sha256", secret).update(`${ts}.`).update(payload).digest("hex");
  return new Headers({ "x-alimi-key-id": prefix, "x-alimi-timestamp": String(ts), "x-alimi-signature": `v1=${sig}` });
}

describe("API keys", () => {
  const db = useTempDatabase();

  it("stores only a hash and a visible prefix; revocation is immediate", () => {
    const { key, row } = createApiKey("chat");
    expect(key).toMatch(/^alm_live_[A-Za-z0-9_-]{43}$/);
    const raw = JSON.stringify(db().$client.prepare("select * from api_keys").all());
    expect(raw).not.toContain(key.slice(17));
    expect(authenticateBearer(`Bearer ${key}`)?.id).toBe(row.id);
    expect(authenticateBearer(`Bearer ${key}x`)).toBeUndefined();
    revokeApiKey(row.id, Date.now());
    expect(authenticateBearer(`Bearer ${key}`)).toBeUndefined();
  });

  it("accepts a signed request once, within five minutes, and nothing altered", () => {
    const { signingSecret, row } = createApiKey("signed");
    expect(JSON.stringify(db().$client.prepare("select * from api_keys").all())).not.toContain(signingSecret);
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, ts), body, now)).toEqual({ ok: true, keyId: row.id });
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, ts), body, now)).toMatchObject({
      ok: false,
      reason: "signature already used",
    });
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, ts - 301), body, now)).toMatchObject({ ok: false });
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, ts + 1), Buffer.from("{}"), now)).toMatchObject({
      ok: false,
      reason: "signature does not match",
    });
    expect(authenticateSigned(signedHeaders(row.prefix, "wrong", ts + 2), body, now)).toMatchObject({ ok: false });
    revokeApiKey(row.id, now);
    expect(authenticateSigned(signedHeaders(row.prefix, signingSecret, ts + 3), body, now)).toMatchObject({
      ok: false,
      reason: "unknown or revoked key",
    });
  });

  it("draws again only on a real prefix collision; any other database error is thrown", () => {
    let failures = 0;
    const sqlite = db().$client;
    sqlite.function("fail_now", () => (++failures <= 3 ? 1 : 0));
    sqlite.exec(
      "create trigger refuse before insert on api_keys when fail_now() = 1 begin select raise(abort, 'UNIQUE-looking failure'); end",
    );
    expect(() => createApiKey("chat")).toThrow("UNIQUE-looking failure");
    expect(failures).toBe(1);
  });
});
