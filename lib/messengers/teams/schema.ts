import { makeQueryDestinationSchema, type QueryUrlRule } from "../cards/url";

// A Workflows webhook ("Post to a channel when a webhook request is received"), docs/messengers.md:
// Logic Apps hosts (prod-NN.{region}.logic.azure.com) or Power Platform environment hosts, the
// trigger path, and the signed query, kept exactly as pasted (the signature covers it).
export const teamsUrlRule: QueryUrlRule = {
  hosts: [".logic.azure.com", ".environment.api.powerplatform.com"],
  path: /^(\/powerautomate\/automations\/direct)?\/workflows\/[0-9a-f]{32}\/triggers\/manual\/paths\/invoke$/,
  refused: [
    {
      // Office 365 connector (Incoming Webhook) URLs: retired, they no longer post.
      test: (url) =>
        (url.hostname.endsWith(".webhook.office.com") && url.pathname.startsWith("/webhookb2/")) ||
        (url.hostname === "outlook.office.com" && url.pathname.startsWith("/webhook/")),
      key: "teamsConnectorRetired",
    },
  ],
  requiredQuery: ["api-version", "sp", "sv", "sig"],
  queryKey: "teamsQuery",
};

export const teamsConfigSchema = makeQueryDestinationSchema(teamsUrlRule);
