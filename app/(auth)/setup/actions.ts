"use server";

import { redirect } from "next/navigation";
import { insertFirstUser } from "@/db/queries/users";
import { audit } from "@/lib/audit";
import { startSession } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { type AuthFormState, firstFieldErrors, setupSchema } from "@/lib/auth/schemas";

/** First run only: creates the first admin while none exists, then signs them in. */
export async function createFirstAdmin(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = setupSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    passwordConfirm: formData.get("passwordConfirm"),
  });
  if (!parsed.success) {
    return { fieldErrors: firstFieldErrors(parsed.error), email: String(formData.get("email") ?? "").slice(0, 254) };
  }
  const user = insertFirstUser(parsed.data.email, await hashPassword(parsed.data.password));
  if (!user) return { formError: "setup.done" };
  await startSession(user.id);
  await audit(user.email, "auth.setup", { type: "user", id: user.id, name: user.email });
  redirect("/settings/integrations/alerts");
}
