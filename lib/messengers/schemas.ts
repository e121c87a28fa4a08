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

export type DestinationFormValues = {
  id: string;
  name: string;
  webhookUrl: string;
  enabled: boolean;
  channel?: string;
  topic?: string;
  allowPrivateNetwork?: boolean;
};

/** Which optional fields each messenger's form shows (the product's fields). */
export const messengerFields: Record<MessengerId, { channel: boolean; topic: boolean }> = {
  slack: { channel: true, topic: false },
  mattermost: { channel: true, topic: false },
  jandi: { channel: false, topic: true },
  hiworks: { channel: false, topic: false },
  agit: { channel: false, topic: false },
  teamroom: { channel: false, topic: false },
};
