import { z } from "zod";
import { makeDestinationSchema, mattermostChannelSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

// Self-hosted: any host, optional subpath. Internal addresses need 사내망 주소 허용 (and are
// checked again on the resolved address at send time).
export const mattermostUrlRule: WebhookUrlRule = {
  hosts: "any",
  allowHttp: true,
  path: /^(\/[^/]+)*\/hooks\/[a-z0-9]{26}$/,
};

export const mattermostConfigSchema = makeDestinationSchema(mattermostUrlRule, {
  channel: mattermostChannelSchema,
  allowPrivateNetwork: z.boolean(),
});
