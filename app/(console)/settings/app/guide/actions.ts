"use server";

import { revalidatePath } from "next/cache";
import { saveSettings } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { guideSettingsSchema } from "@/lib/settings/schema";

export type SettingsResult = { ok: true } | { ok: false; formError: string; fieldErrors: Record<string, string> };

export async function saveGuideSettings(values: unknown): Promise<SettingsResult> {
  if (!(await getCurrentUser())) return { ok: false, formError: "form.sessionExpired", fieldErrors: {} };
  const parsed = guideSettingsSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, formError: "form.formError", fieldErrors };
  }
  saveSettings(parsed.data);
  revalidatePath("/settings/app/guide");
  return { ok: true };
}
