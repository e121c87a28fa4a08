import type { z } from "zod";
import type { DestinationFormValues } from "./fields";
import { MESSENGER_IDS, type MessengerId } from "./ids";
import { messengers } from "./registry";
import type { UrlValidationOptions } from "./webhook-url";

/** Each messenger's config schema, as its definition built it (lib/messengers/<id>/index.ts). */
export const configSchemas = Object.fromEntries(MESSENGER_IDS.map((id) => [id, messengers[id].configSchema])) as Record<
  MessengerId,
  (opts: UrlValidationOptions) => z.ZodType<DestinationFormValues>
>;

export type { DestinationFormValues } from "./fields";
