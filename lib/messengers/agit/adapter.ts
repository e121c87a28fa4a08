import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

// Plain text only; never `mrkdwn: true`, which would turn customer text into formatting.
export const agitAdapter = {
  id: "agit",
  buildRequest(alert, config, ctx) {
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: plainTextAlert(renderAlert(alert, ctx)) }),
    };
  },
  classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
} satisfies Adapter;
