import { defineMessenger } from "../define-messenger";
import { teamsAdapter } from "./adapter";
import { teamsMeta } from "./meta";

export const teams = defineMessenger({
  meta: teamsMeta,
  // A Workflows webhook ("Post to a channel when a webhook request is received"), docs/messengers.md:
  // Logic Apps hosts (prod-NN.{region}.logic.azure.com) or Power Platform environment hosts, the
  // trigger path, and the signed query, kept exactly as pasted (the signature covers it).
  url: {
    hosts: [".logic.azure.com", ".environment.api.powerplatform.com"],
    allowHttp: false,
    path: /^(\/powerautomate\/automations\/direct)?\/workflows\/[0-9a-f]{32}\/triggers\/manual\/paths\/invoke$/,
    refused: [
      {
        // Office 365 connector (Incoming Webhook) URLs: retired, they no longer post.
        url: (url) =>
          (url.hostname.endsWith(".webhook.office.com") && url.pathname.startsWith("/webhookb2/")) ||
          (url.hostname === "outlook.office.com" && url.pathname.startsWith("/webhook/")),
        key: "teamsConnectorRetired",
      },
    ],
    query: { required: ["api-version", "sp", "sv", "sig"], key: "teamsQuery" },
  },
  adapter: teamsAdapter,
  // The old connectors were throttled above 4/s; flows have licence-dependent limits: 1/s, burst 2.
  pace: { intervalMs: 1_000, burst: 2 },
  // Errors are `{"error":{"code","message"}}`. A flow that is off or deleted, a bad or missing
  // signature, an unknown workflow and a trigger with its own JSON schema fail every alert alike,
  // so they pause; other 4xx fail one alert; 429 and 5xx retry.
  errors: {
    WorkflowTriggerIsNotEnabled: { hint: "teamsFlowOff", pauses: true },
    TriggerInputSchemaMismatch: { hint: "teamsSchema", pauses: true },
    DirectApiInvalidAuthorizationSignature: { hint: "teamsSignature", pauses: true },
    DirectApiAuthorizationRequired: { hint: "teamsSignature", pauses: true },
    MissingApiVersionParameter: { hint: "teamsSignature", pauses: true },
    WorkflowNotFound: { hint: "teamsNotFound", pauses: true },
    TooManyRequests: { hint: "rateLimited" },
    InvalidRequestContent: { hint: "payload" },
  },
});
