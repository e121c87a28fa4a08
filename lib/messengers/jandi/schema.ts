import { jandiTopicSchema, makeDestinationSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

export const jandiUrlRule: WebhookUrlRule = {
  hosts: ["wh.jandi.com"],
  allowHttp: false,
  path: /^\/connect-api\/webhook\/\d+\/[A-Za-z0-9]+$/,
};

// The topic is fixed when the webhook is made in Jandi; we only keep it as a label.
export const jandiConfigSchema = makeDestinationSchema(jandiUrlRule, { topic: jandiTopicSchema });
