import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import { plainTextAlert } from "../plain-text";
import type { Adapter } from "../types";

export const teamroomAdapter = {
  id: "teamroom",
  buildRequest(alert, config, ctx) {
    // One form field, encoded exactly once: URLSearchParams keeps Korean, %, + and & intact.
    const form = new URLSearchParams({ content: plainTextAlert(renderAlert(alert, ctx)) });
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: form.toString(),
    };
  },
  classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
} satisfies Adapter;
