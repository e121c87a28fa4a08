"use server";

import { deleteOtherSessions } from "@/db/queries/sessions";
import { findPasswordHash, updatePasswordHash } from "@/db/queries/users";
import { audit } from "@/lib/audit";
import { clientAddress, currentSessionTokenHash, getCurrentUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { type PasswordChangeState, passwordChangeSchema } from "@/lib/auth/schemas";
import { throttledCheck } from "@/lib/auth/throttle";

/**
 * Any signed-in account (뷰어 too) changes its own password: the current one first, so a
 * browser left signed in is not enough. Wrong guesses count like failed sign-ins, and every
 * other session of the account ends, so an invited account's one-time password stops working.
 */
export async function changePassword(_prev: PasswordChangeState, formData: FormData): Promise<PasswordChangeState> {
  const user = await getCurrentUser();
  const tokenHash = await currentSessionTokenHash();
  if (!user || !tokenHash) return { formError: "passwordChange.sessionExpired" };
  const parsed = passwordChangeSchema.safeParse({
    current: formData.get("current"),
    password: formData.get("password"),
    passwordConfirm: formData.get("passwordConfirm"),
  });
  if (!parsed.success) {
    const fieldErrors: PasswordChangeState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NonNullable<PasswordChangeState["fieldErrors"]>;
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors };
  }

  const address = await clientAddress();
  const hash = findPasswordHash(user.userId) ?? "";
  const checked = await throttledCheck(address, user.email, () => verifyPassword(parsed.data.current, hash));
  if (!checked.ok) {
    return checked.reason === "throttled"
      ? { formError: "auth.login.throttled", retryAfterSeconds: checked.retryAfterSeconds }
      : { fieldErrors: { current: "currentWrong" } };
  }
  updatePasswordHash(user.userId, await hashPassword(parsed.data.password));
  deleteOtherSessions(user.userId, tokenHash);
  await audit(user.email, "auth.password_change", { type: "user", id: user.userId, name: user.email });
  return { done: true };
}
