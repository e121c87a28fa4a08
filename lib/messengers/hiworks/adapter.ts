import { breakLinkSyntax } from "@/lib/alerts/escape";
import { mapUntrusted, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

// Plain text, `{text}` as JSON. plainTextAlert breaks mentions (spec); link syntax is broken
// too because Hiworks' rendering is documented by a single source: assume it might parse it.
export const hiworksAdapter = {
  id: "hiworks",
  buildRequest(alert, config, ctx) {
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: plainTextAlert(mapUntrusted(renderAlert(alert, ctx), breakLinkSyntax)) }),
    };
  },
  // Error shapes are undocumented: keep the status and the first 500 characters of the body.
  classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
} satisfies Adapter;
