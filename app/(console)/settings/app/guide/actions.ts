"use server";

import { revalidatePath } from "next/cache";
import { saveSettings } from "@/db/queries/settings";
import { audit } from "@/lib/audit";
import { authorizeChange } from "@/lib/auth/current-user";
import { guideSettingsSchema } from "@/lib/settings/schema";

export type SettingsResult = { ok: true } | { ok: false; formError: string; fieldErrors: Record<string, string> };

export async function saveGuideSettings(values: unknown): Promise<SettingsResult> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, formError: who.error, fieldErrors: {} };
  const parsed = guideSettingsSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, formError: "form.formError", fieldErrors };
  }
  saveSettings(parsed.data);
  const off = Object.entries(parsed.data).filter(([, v]) => v === false).map(([k]) => k);
  await audit(who.user.email, "settings.update", { type: "settings", name: "상담 안내" }, `off=${off.join(",") || "-"} locale=${parsed.data.alertLocale} tz=${parsed.data.timeZone}`);
  revalidatePath("/settings/app/guide");
  return { ok: true };
}
