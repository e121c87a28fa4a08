"use server";

import { revalidatePath } from "next/cache";
import { requeueDelivery } from "@/db/queries/delivery-log";
import { adminAction, fail } from "@/lib/actions/admin-action";
import { textIdInput } from "@/lib/actions/inputs";
import { audit } from "@/lib/audit";
import { deliveryWorker } from "@/lib/delivery/worker";

export const resendDelivery = adminAction(textIdInput, async ({ id }, { user }) => {
  const result = requeueDelivery(id, Date.now());
  if (result === "destination_off") return fail("log.resendOff");
  if (result !== "ok") return fail("log.resendFailed");
  await audit(user.email, "delivery.resend", { type: "delivery", id });
  deliveryWorker().wake();
  revalidatePath("/deliveries", "layout");
});
