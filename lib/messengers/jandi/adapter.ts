import { jandiEscape, safeLinkTarget } from "@/lib/alerts/escape";
import { type AlertView, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter } from "../types";

// Jandi wants both headers: the vnd type as Accept, plain JSON as Content-Type (the vnd type
// as Content-Type is rejected with 40052).
const HEADERS = { accept: "application/vnd.tosslab.jandi-v2+json", "content-type": "application/json" };

const mdLink = (label: string, url: string) => `[${label}](${safeLinkTarget(url)})`;

/** Customer text lives only in descriptions, escaped; titles are our labels. */
function connectInfo(view: AlertView) {
  return [
    { title: view.title, description: jandiEscape(view.summary) },
    ...view.fields.map((f) => ({ title: f.label, description: f.untrusted ? jandiEscape(f.value) : f.value })),
    ...(view.message ? [{ title: view.labels.message, description: jandiEscape(view.message) }] : []),
    ...(view.items ?? []).map((item, i) => ({
      title: `${i + 1}`,
      description: `${jandiEscape(item.text)} ${mdLink(view.labels.open, item.url)}`,
    })),
    ...(view.more ? [{ title: "…", description: view.more }] : []),
  ];
}

export const jandiAdapter = {
  id: "jandi",
  buildRequest(alert, config, ctx) {
    const view = renderAlert(alert, ctx);
    // `body` holds only our own words and the real link to the conversation. The topic is
    // never sent: Jandi has no topic field, the webhook itself is bound to one topic.
    const link = view.link ? ` ${mdLink(view.link.label, view.link.url)}` : "";
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { ...HEADERS },
      body: JSON.stringify({ body: `[${view.brand}] ${view.title}${link}`, connectColor: view.color, connectInfo: connectInfo(view) }),
    };
  },
  classify(res, now) {
    // Errors are JSON {code, msg} with a numeric code (40051, 42900 …); kept as a string.
    return classifyResponse(res, now, (r) => {
      const json = parseJson(r.body);
      return json && (typeof json.code === "number" || typeof json.code === "string")
        ? { code: String(json.code), ...(typeof json.msg === "string" ? { message: json.msg } : {}) }
        : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
