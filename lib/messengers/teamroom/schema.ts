import { makeDestinationSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

export const teamroomUrlRule: WebhookUrlRule = {
  hosts: ["teamroom.nate.com"],
  allowHttp: false,
  path: /^\/api\/webhook\/[0-9a-fA-F]{8}\/[A-Za-z0-9_-]+$/,
};

export const teamroomConfigSchema = makeDestinationSchema(teamroomUrlRule, {});
