import { makeDestinationSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

export const agitUrlRule: WebhookUrlRule = {
  hosts: ["agit.io"],
  allowHttp: false,
  path: /^\/webhook\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
};

export const agitConfigSchema = makeDestinationSchema(agitUrlRule, {});
