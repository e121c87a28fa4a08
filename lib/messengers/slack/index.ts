import { z } from "zod";
import { defineMessenger } from "../define-messenger";
import { slackAdapter } from "./adapter";
import { slackMeta } from "./meta";

// A channel override as the webhook takes it: #name, @user, or an id; empty keeps the webhook's own.
const channel = z
  .string()
  .trim()
  .regex(/^$|^[#@]?[^\s,#@]{1,80}$/u, "channel.slack");

export const slack = defineMessenger({
  meta: slackMeta,
  url: {
    hosts: ["hooks.slack.com", "hooks.slack-gov.com"],
    allowHttp: false,
    path: /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/,
    // Workflow Builder webhooks take a different payload; saving one would fail on every alert.
    refused: [{ path: /^\/(triggers|workflows)\//, key: "slackWorkflow" }],
  },
  fields: { channel },
  adapter: slackAdapter,
  // ~1/s per webhook, and Slack may *hide* messages above that: exactly one per interval, with
  // a little slack for the network.
  pace: { intervalMs: 1_050, burst: 1 },
  // The plain-text codes Slack answers with (spec). Revoked or gone: pause; a refused payload
  // fails only the alert at hand.
  errors: {
    no_service: { hint: "revoked", pauses: true },
    no_active_hooks: { hint: "revoked", pauses: true },
    no_team: { hint: "revoked", pauses: true },
    invalid_token: { hint: "revoked", pauses: true },
    action_prohibited: { hint: "prohibited", pauses: true },
    channel_not_found: { hint: "channelNotFound", pauses: true },
    channel_is_archived: { hint: "archived", pauses: true },
    invalid_payload: { hint: "payload" },
    no_text: { hint: "payload" },
  },
});
