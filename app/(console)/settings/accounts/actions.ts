"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { deleteUser, insertUserWithRole } from "@/db/queries/users";
import { audit } from "@/lib/audit";
import { authorizeChange } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { inviteSchema } from "@/lib/auth/schemas";

const PATH = "/settings/accounts";

export type InviteResult = { ok: true; email: string; password: string } | { ok: false; error: string };

/** Creates an account with a one-time password, shown once to the inviting admin. */
export async function inviteUser(values: unknown): Promise<InviteResult> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, error: who.error };
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: "auth.errors.emailInvalid" };
  const password = randomBytes(12).toString("base64url");
  const user = insertUserWithRole(parsed.data.email, await hashPassword(password), parsed.data.role);
  if (!user) return { ok: false, error: "accounts.errors.exists" };
  await audit(who.user.email, "user.invite", { type: "user", id: user.id, name: user.email }, `role=${parsed.data.role}`);
  revalidatePath(PATH);
  return { ok: true, email: user.email, password };
}

export async function removeUser(id: unknown): Promise<{ ok: boolean; error?: string }> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, error: who.error };
  if (typeof id !== "number" || !Number.isInteger(id)) return { ok: false, error: "form.unexpected" };
  if (id === who.user.userId) return { ok: false, error: "accounts.errors.self" };
  const result = deleteUser(id);
  if (result !== "ok") return { ok: false, error: result === "last_admin" ? "accounts.errors.lastAdmin" : "form.unexpected" };
  await audit(who.user.email, "user.remove", { type: "user", id });
  revalidatePath(PATH);
  return { ok: true };
}
