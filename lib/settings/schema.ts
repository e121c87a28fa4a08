import { z } from "zod";
import { ALERT_LOCALES } from "@/lib/alerts/types";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** 설정 > 앱관리 > 상담 안내; messages are keys under "guideSettings.errors.*". */
export const guideSettingsSchema = z.object({
  notifyMessageSubmitted: z.boolean(),
  notifySessionWaiting: z.boolean(),
  notifySessionAssigned: z.boolean(),
  alertLocale: z.enum(ALERT_LOCALES, "locale"),
  timeZone: z.string().max(64, "timeZone").refine(isTimeZone, "timeZone"),
});

export type GuideSettingsValues = z.infer<typeof guideSettingsSchema>;

export const apiKeyNameSchema = z.object({
  name: z.string().trim().min(1, "required").max(50, "tooLong"),
});
