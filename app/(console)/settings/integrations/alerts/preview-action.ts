"use server";

import { z } from "zod";
import { getSettings } from "@/db/queries/settings";
import { signedInAction } from "@/lib/actions/admin-action";
import { EVENT_TYPES } from "@/lib/alerts/types";
import { buildPreview } from "@/lib/destinations/preview";
import { MAX_TEAM_LENGTH, MAX_TEAMS } from "@/lib/destinations/routing";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

// 미리보기: every signed-in account may look (뷰어 too); nothing is saved, sent or audited.
// Bounds only: half-typed values are expected while the admin edits; 저장 judges them.
const previewInput = z.object({
  messenger: z.enum(MESSENGER_IDS, "form.unexpected"),
  name: z.string().max(200),
  channel: z.string().max(200).optional(),
  routing: z.object({
    routeEvents: z.array(z.string().max(40)).max(10),
    routeChannels: z.array(z.string().max(40)).max(10),
    routeTeams: z.string().max(MAX_TEAMS * (MAX_TEAM_LENGTH + 2)),
  }),
  event: z.enum(EVENT_TYPES),
});

export const previewDestination = signedInAction(previewInput, (input) => {
  const settings = getSettings();
  const ctx = { locale: settings.alertLocale, timeZone: settings.timeZone };
  return { preview: buildPreview(input, ctx, Date.now()) };
});
