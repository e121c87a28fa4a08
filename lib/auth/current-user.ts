import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession } from "@/db/queries/sessions";
import { secureCookies } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_TTL_MS } from "./session-token";

export interface SignedInUser {
  userId: number;
  email: string;
  role: "admin" | "viewer";
}

/** The signed-in admin for this request, looked up once per request. */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const session = findLiveSession(hashSessionToken(token), Date.now());
  return session ? { userId: session.userId, email: session.email, role: session.role } : null;
});

/** For pages and layouts: no session, no console. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

export async function startSession(userId: number): Promise<void> {
  const token = newSessionToken();
  const now = Date.now();
  deleteExpiredSessions(now);
  insertSession(hashSessionToken(token), userId, now + SESSION_TTL_MS);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) deleteSession(hashSessionToken(token));
  jar.delete(SESSION_COOKIE);
}

/** The caller's address as lib/http/client-address.ts resolved it (TRUST_PROXY); "unknown" under `next dev`. */
export async function clientAddress(): Promise<string> {
  return clientAddressFromHeaders(await headers()) ?? "unknown";
}

/** The hash of this request's session token (to keep this session when ending the others). */
export async function currentSessionTokenHash(): Promise<string | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? hashSessionToken(token) : null;
}
