import { z } from "zod";
import { defineMessenger } from "../define-messenger";
import { mattermostAdapter } from "./adapter";
import { mattermostMeta } from "./meta";

// A channel name (lower-case handle) or @user; empty keeps the webhook's own channel.
const channel = z
  .string()
  .trim()
  .regex(/^$|^@?[a-z0-9][a-z0-9._-]{0,63}$/, "channel.mattermost");

export const mattermost = defineMessenger({
  meta: mattermostMeta,
  // Self-hosted: any host, optional subpath. Internal addresses need 사내망 주소 허용 (and are
  // checked again on the resolved address at send time).
  url: { hosts: "any", allowHttp: true, path: /^(\/[^/]+)*\/hooks\/[a-z0-9]{26}$/ },
  fields: { channel },
  adapter: mattermostAdapter,
  // Limited only where the server turned its rate limiter on, whose default is 10/s per client
  // (burst 100): stay at 10/s with a burst of 10, inside it.
  pace: { intervalMs: 100, burst: 10 },
  // Error ids from its JSON answers (spec).
  errors: {
    "web.incoming_webhook.invalid.app_error": { hint: "mattermostInvalid", pauses: true },
    "web.incoming_webhook.channel_locked.app_error": { hint: "mattermostLocked", pauses: true },
    "web.incoming_webhook.permissions.app_error": { hint: "mattermostPermissions", pauses: true },
    "web.incoming_webhook.channel.app_error": { hint: "channelNotFound", pauses: true },
    "web.incoming_webhook.disabled.app_error": { hint: "mattermostDisabled" },
  },
});
