"use server";

import { redirect } from "next/navigation";
import { findUserByEmail } from "@/db/queries/users";
import { audit } from "@/lib/audit";
import { clientAddress, startSession } from "@/lib/auth/current-user";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { type AuthFormState, firstFieldErrors, loginSchema, safeNextPath } from "@/lib/auth/schemas";
import { throttledCheck } from "@/lib/auth/throttle";

export async function signIn(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const typedEmail = String(formData.get("email") ?? "").slice(0, 254);
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), email: typedEmail };

  const { email, password } = parsed.data;
  const address = await clientAddress();
  const user = findUserByEmail(email);
  // Verify against a dummy hash for unknown e-mails so the timing doesn't reveal which accounts exist.
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const checked = await throttledCheck(address, email, async () => (await verifyPassword(password, hash)) && !!user);
  if (!checked.ok && checked.reason === "throttled") {
    return { formError: "login.throttled", retryAfterSeconds: checked.retryAfterSeconds, email };
  }
  if (!checked.ok || !user) {
    await audit(email, "auth.sign_in_failed", { type: "user", name: email });
    return { formError: "login.invalid", email };
  }
  await startSession(user.id);
  await audit(user.email, "auth.sign_in", { type: "user", id: user.id, name: user.email });
  redirect(safeNextPath(formData.get("next")));
}
