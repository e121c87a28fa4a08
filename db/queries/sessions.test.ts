import { describe, expect, it } from "vitest";
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from "@/lib/auth/session-token";
import { useTempDatabase } from "../test/temp-db";
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession } from "./sessions";
import { insertUser } from "./users";

describe("sessions", () => {
  const db = useTempDatabase();

  it("stores only a hash of the token, and finds the user by it until it expires", () => {
    const user = insertUser("Admin@Example.com", "hash");
    const token = newSessionToken();
    const now = Date.now();
    insertSession(hashSessionToken(token), user.id, now + SESSION_TTL_MS);

    const raw = db().$client.prepare("select token_hash from sessions").all() as { token_hash: string }[];
    expect(raw).toHaveLength(1);
    expect(raw[0].token_hash).not.toContain(token);

    expect(findLiveSession(hashSessionToken(token), now)).toMatchObject({ email: "admin@example.com" });
    expect(findLiveSession(hashSessionToken(token), now + SESSION_TTL_MS - 1)).toBeDefined();
    expect(findLiveSession(hashSessionToken(token), now + SESSION_TTL_MS)).toBeUndefined();
    expect(findLiveSession(hashSessionToken("someone-else"), now)).toBeUndefined();
  });

  it("ends a session on sign-out and prunes expired ones", () => {
    const user = insertUser("a@example.com", "hash");
    const now = Date.now();
    insertSession(hashSessionToken("live"), user.id, now + 1000);
    insertSession(hashSessionToken("old"), user.id, now - 1000);
    deleteExpiredSessions(now);
    expect(db().$client.prepare("select count(*) n from sessions").get()).toEqual({ n: 1 });
    deleteSession(hashSessionToken("live"));
    expect(findLiveSession(hashSessionToken("live"), now)).toBeUndefined();
  });

  it("uses WAL and foreign keys on the real file", () => {
    expect(db().$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db().$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
