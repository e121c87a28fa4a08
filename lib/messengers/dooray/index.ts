import { defineMessenger } from "../define-messenger";
import { DOORAY_INVALID_HOOK, doorayAdapter } from "./adapter";
import { doorayMeta } from "./meta";

export const dooray = defineMessenger({
  meta: doorayMeta,
  // An incoming hook (docs/messengers.md): hook.dooray.com, or hook.gov-dooray.com for
  // public-sector Dooray, /services/{tenant id}/{hook id}/{token}. Both ids are all digits, so the
  // path never looks like Slack's /services/T…/B…/….
  url: {
    hosts: ["hook.dooray.com", "hook.gov-dooray.com"],
    allowHttp: false,
    path: /^\/services\/\d+\/\d+\/[A-Za-z0-9_-]+$/,
  },
  adapter: doorayAdapter,
  // Unknown; like Slack: 1 per second per hook, burst 2.
  pace: { intervalMs: 1_000, burst: 2 },
  // Its answers are not documented: the adapter names a refusal that reads like a dead hook
  // (404/410 pause by their status anyway); other 4xx fail one alert; 429 and 5xx retry.
  errors: { [DOORAY_INVALID_HOOK]: { hint: "revoked", pauses: true } },
});
