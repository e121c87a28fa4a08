"use server";

import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { endSession, getCurrentUser } from "@/lib/auth/current-user";

export async function signOut(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await audit(user.email, "auth.sign_out", { type: "user", id: user.userId, name: user.email });
  await endSession();
  redirect("/login");
}
