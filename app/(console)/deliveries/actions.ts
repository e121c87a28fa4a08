"use server";

import { revalidatePath } from "next/cache";
import { requeueDelivery } from "@/db/queries/delivery-log";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deliveryWorker } from "@/lib/delivery/worker";

export async function resendDelivery(id: unknown): Promise<{ ok: boolean; error?: string }> {
  if (!(await getCurrentUser())) return { ok: false, error: "form.sessionExpired" };
  if (typeof id !== "string") return { ok: false, error: "form.unexpected" };
  if (!requeueDelivery(id, Date.now())) return { ok: false, error: "form.unexpected" };
  deliveryWorker().wake();
  revalidatePath("/deliveries", "layout");
  return { ok: true };
}
