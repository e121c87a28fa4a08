import { z } from "zod";
import { defineMessenger } from "../define-messenger";
import { jandiAdapter } from "./adapter";
import { jandiMeta } from "./meta";

// The topic is fixed when the webhook is made in Jandi; we only keep it as a label.
const topic = z.string().trim().min(1, "topic.required").max(80, "topic.tooLong");

export const jandi = defineMessenger({
  meta: jandiMeta,
  url: { hosts: ["wh.jandi.com"], allowHttp: false, path: /^\/connect-api\/webhook\/\d+\/[A-Za-z0-9]+$/ },
  fields: { topic },
  adapter: jandiAdapter,
  // About 60 posts a minute per webhook.
  pace: { intervalMs: 1_050, burst: 3 },
  // Numeric codes from its JSON answers {code, msg}, kept as strings.
  errors: {
    "40051": { hint: "jandiToken", pauses: true },
    "40052": { hint: "payload" },
    "40000": { hint: "payload" },
    "42900": { hint: "rateLimited" },
  },
});
