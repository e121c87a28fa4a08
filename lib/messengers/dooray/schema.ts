import { makeDestinationSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

// A Dooray! messenger incoming hook (docs/messengers.md): hook.dooray.com, or hook.gov-dooray.com
// for public-sector Dooray, /services/{tenant id}/{hook id}/{token}. Both ids are all digits, so
// the path never looks like Slack's /services/T…/B…/…. No query, so the shared rule fits.
export const doorayUrlRule: WebhookUrlRule = {
  hosts: ["hook.dooray.com", "hook.gov-dooray.com"],
  allowHttp: false,
  path: /^\/services\/\d+\/\d+\/[A-Za-z0-9_-]+$/,
};

export const doorayConfigSchema = makeDestinationSchema(doorayUrlRule, {});
