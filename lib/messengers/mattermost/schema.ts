import { makeDestinationSchema, mattermostChannelSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

// Self-hosted: any host (issue 5 adds the private-address guard at send time), optional subpath.
export const mattermostUrlRule: WebhookUrlRule = {
  hosts: "any",
  allowHttp: true,
  path: /^(\/[^/]+)*\/hooks\/[a-z0-9]{26}$/,
};

export const mattermostConfigSchema = makeDestinationSchema(mattermostUrlRule, { channel: mattermostChannelSchema });
