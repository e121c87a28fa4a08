import { makeDestinationSchema, slackChannelSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

export const slackUrlRule: WebhookUrlRule = {
  hosts: ["hooks.slack.com", "hooks.slack-gov.com"],
  allowHttp: false,
  path: /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/,
  // Workflow Builder webhooks take a different payload; saving one would fail on every alert.
  refused: [{ path: /^\/(triggers|workflows)\//, key: "slackWorkflow" }],
};

export const slackConfigSchema = makeDestinationSchema(slackUrlRule, { channel: slackChannelSchema });
