import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

// Plain text only; the error shapes are undocumented, so the body is kept as the message.
export const hiworksAdapter = {
  id: "hiworks",
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
