"use server";

import { deleteOtherSessions } from "@/db/queries/sessions";
import { findPasswordHash, updatePasswordHash } from "@/db/queries/users";
import { fail, signedInAction } from "@/lib/actions/admin-action";
import { audit } from "@/lib/audit";
import { clientAddress, currentSessionTokenHash } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordChangeSchema } from "@/lib/auth/schemas";
import { throttledCheck } from "@/lib/auth/throttle";

/**
 * Any signed-in account (뷰어 too) changes its own password: the current one first, so a
 * browser left signed in is not enough. Wrong guesses count like failed sign-ins, and every
 * other session of the account ends, so an invited account's one-time password stops working.
 * Field messages are keys under auth.errors.*; form messages are full keys.
 */
export const changePassword = signedInAction(passwordChangeSchema, async (data, { user }) => {
  const tokenHash = await currentSessionTokenHash();
  if (!tokenHash) return fail("form.sessionExpired");
  const hash = findPasswordHash(user.userId) ?? "";
  const checked = await throttledCheck(await clientAddress(), user.email, () => verifyPassword(data.current, hash));
  if (!checked.ok) {
    if (checked.reason !== "throttled") return fail(undefined, { current: "currentWrong" });
    return { ...fail("auth.login.throttled"), formErrorValues: { seconds: checked.retryAfterSeconds } };
  }
  updatePasswordHash(user.userId, await hashPassword(data.password));
  deleteOtherSessions(user.userId, tokenHash);
  await audit(user.email, "auth.password_change", { type: "user", id: user.userId, name: user.email });
});
