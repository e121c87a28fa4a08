import { jandiEscape, safeLinkTarget } from "@/lib/alerts/escape";
import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter } from "../types";

export const jandiAdapter = {
  id: "jandi",
  buildRequest(alert, config, ctx) {
    const view = renderAlert(alert, ctx);
    // Customer text goes only into connectInfo descriptions, escaped; `body` holds our own
    // words and the real link to the conversation. The topic is never sent: the webhook fixes it.
    const connectInfo = [
      { title: view.title, description: jandiEscape(view.summary) },
      ...view.fields.map((f) => ({ title: f.label, description: f.untrusted ? jandiEscape(f.value) : f.value })),
      ...(view.message ? [{ title: view.labels.message, description: jandiEscape(view.message) }] : []),
      ...(view.items ?? []).map((item, i) => ({
        title: `${i + 1}`,
        description: `${jandiEscape(item.text)} [${view.labels.open}](${safeLinkTarget(item.url)})`,
      })),
      ...(view.more ? [{ title: "…", description: view.more }] : []),
    ];
    const link = view.link ? ` [${view.link.label}](${safeLinkTarget(view.link.url)})` : "";
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { accept: "application/vnd.tosslab.jandi-v2+json", "content-type": "application/json" },
      body: JSON.stringify({ body: `[${view.brand}] ${view.title}${link}`, connectColor: view.color, connectInfo }),
    };
  },
  classify(res, now) {
    return classifyResponse(res, now, (r) => {
      const json = parseJson(r.body);
      return json && (typeof json.code === "number" || typeof json.code === "string")
        ? { code: String(json.code), ...(typeof json.msg === "string" ? { message: json.msg } : {}) }
        : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
