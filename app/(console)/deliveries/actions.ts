"use server";

import { revalidatePath } from "next/cache";
import { requeueDelivery } from "@/db/queries/delivery-log";
import { audit } from "@/lib/audit";
import { authorizeChange } from "@/lib/auth/current-user";
import { deliveryWorker } from "@/lib/delivery/worker";

export async function resendDelivery(id: unknown): Promise<{ ok: boolean; error?: string }> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, error: who.error };
  if (typeof id !== "string") return { ok: false, error: "form.unexpected" };
  const result = requeueDelivery(id, Date.now());
  if (result === "destination_off") return { ok: false, error: "log.resendOff" };
  if (result !== "ok") return { ok: false, error: "form.unexpected" };
  await audit(who.user.email, "delivery.resend", { type: "delivery", id });
  deliveryWorker().wake();
  revalidatePath("/deliveries", "layout");
  return { ok: true };
}
