"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { deleteUser, insertUserWithRole } from "@/db/queries/users";
import { adminAction, fail } from "@/lib/actions/admin-action";
import { numericIdInput } from "@/lib/actions/inputs";
import { audit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { inviteSchema } from "@/lib/auth/schemas";

const PATH = "/settings/accounts";

/** Creates an account with a one-time password, shown once to the inviting admin. */
export const inviteUser = adminAction(inviteSchema, async ({ email, role }, { user }) => {
  const password = randomBytes(12).toString("base64url");
  const invited = insertUserWithRole(email, await hashPassword(password), role);
  if (!invited) return fail("accounts.errors.exists");
  await audit(user.email, "user.invite", { type: "user", id: invited.id, name: invited.email }, `role=${role}`);
  revalidatePath(PATH);
  return { email: invited.email, password };
});

export const removeUser = adminAction(numericIdInput, async ({ id }, { user }) => {
  if (id === user.userId) return fail("accounts.errors.self");
  const result = deleteUser(id);
  if (result !== "ok") return fail(result === "last_admin" ? "accounts.errors.lastAdmin" : "accounts.errors.notFound");
  await audit(user.email, "user.remove", { type: "user", id });
  revalidatePath(PATH);
});
