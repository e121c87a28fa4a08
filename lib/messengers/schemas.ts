import type { z } from "zod";
import { agitConfigSchema } from "./agit/schema";
import { hiworksConfigSchema } from "./hiworks/schema";
import type { MessengerId } from "./ids";
import { jandiConfigSchema } from "./jandi/schema";
import { mattermostConfigSchema } from "./mattermost/schema";
import { slackConfigSchema } from "./slack/schema";
import { teamroomConfigSchema } from "./teamroom/schema";
import type { UrlValidationOptions } from "./webhook-url";

export const configSchemas = {
  slack: slackConfigSchema,
  mattermost: mattermostConfigSchema,
  jandi: jandiConfigSchema,
  hiworks: hiworksConfigSchema,
  agit: agitConfigSchema,
  teamroom: teamroomConfigSchema,
} satisfies Record<MessengerId, (opts: UrlValidationOptions) => z.ZodType>;

export { type DestinationFormValues, messengerFields } from "./fields";
