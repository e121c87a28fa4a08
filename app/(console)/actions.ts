"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/auth/current-user";

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/login");
}
