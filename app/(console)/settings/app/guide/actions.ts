"use server";

import { revalidatePath } from "next/cache";
import { saveSettings } from "@/db/queries/settings";
import { adminAction } from "@/lib/actions/admin-action";
import { audit } from "@/lib/audit";
import { guideSettingsSchema } from "@/lib/settings/schema";

export const saveGuideSettings = adminAction(guideSettingsSchema, async (settings, { user }) => {
  saveSettings(settings);
  const off = Object.entries(settings)
    .filter(([, v]) => v === false)
    .map(([k]) => k);
  await audit(
    user.email,
    "settings.update",
    { type: "settings", name: "상담 안내" },
    `off=${off.join(",") || "-"} locale=${settings.alertLocale} tz=${settings.timeZone}`,
  );
  revalidatePath("/settings/app/guide");
});
