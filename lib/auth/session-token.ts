import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "alimi_session";
/** Sessions end 7 days after sign-in; 로그아웃 ends them at once. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a copy of the database cannot be turned into a cookie. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
