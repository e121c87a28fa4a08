import { makeDestinationSchema } from "../destination-schema";
import type { WebhookUrlRule } from "../webhook-url";

// Observed `/messenger/chat/{32-hex}[/…]`; the spec treats everything after /messenger/ as opaque.
export const hiworksUrlRule: WebhookUrlRule = {
  hosts: ["hooks.hiworks.com"],
  allowHttp: false,
  path: /^\/messenger\/[A-Za-z0-9._~\-/]+$/,
};

export const hiworksConfigSchema = makeDestinationSchema(hiworksUrlRule, {});
