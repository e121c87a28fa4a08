import { breakLinkSyntax } from "@/lib/alerts/escape";
import { mapUntrusted, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

export const teamroomAdapter = {
  id: "teamroom",
  buildRequest(alert, config, ctx) {
    // One form field, encoded exactly once: URLSearchParams keeps Korean, %, + and & intact.
    // Link syntax is broken too: nothing is documented about how Teamroom renders text.
    const content = plainTextAlert(mapUntrusted(renderAlert(alert, ctx), breakLinkSyntax));
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: new URLSearchParams({ content }).toString(),
    };
  },
  // Error shapes are unknown: keep the status and the first 500 characters of the body.
  classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
} satisfies Adapter;
