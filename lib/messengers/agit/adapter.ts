import { breakLinkSyntax } from "@/lib/alerts/escape";
import { mapUntrusted, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

// Plain text only; never `mrkdwn: true`, which would turn customer text into formatting.
// Link syntax is broken as well, in case a client renders Markdown regardless.
export const agitAdapter = {
  id: "agit",
  buildRequest(alert, config, ctx) {
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: plainTextAlert(mapUntrusted(renderAlert(alert, ctx), breakLinkSyntax)) }),
    };
  },
  // Success answers JSON with the new post id; error shapes are unknown, so the body is kept.
  classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
} satisfies Adapter;
