import { breakMentions, mattermostEscape, safeLinkTarget } from "@/lib/alerts/escape";
import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter } from "../types";

export const mattermostAdapter = {
  id: "mattermost",
  buildRequest(alert, config, ctx) {
    const view = renderAlert(alert, ctx);
    // Mattermost turns <!channel>, <url|text> and @all into mentions and links before Markdown,
    // so every customer value is Markdown-escaped and has its @ and < broken (spec).
    const esc = (value: string, untrusted = true) => (untrusted ? mattermostEscape(value) : value);
    const link = view.link ? ` · [${view.link.label}](${safeLinkTarget(view.link.url)})` : "";
    const items = (view.items ?? []).map((i) => `- ${esc(i.text)} · [${view.labels.open}](${safeLinkTarget(i.url)})`);
    if (view.more) items.push(view.more);
    const attachmentText = [view.message ? esc(view.message) : null, ...items].filter(Boolean).join("\n");
    const attachment = {
      fallback: `${view.title}: ${breakMentions(view.summary)}`,
      color: view.color,
      title: view.title,
      ...(view.link ? { title_link: safeLinkTarget(view.link.url) } : {}),
      ...(attachmentText ? { text: attachmentText } : {}),
      fields: view.fields.map((f) => ({ title: f.label, value: esc(f.value, f.untrusted), short: f.short })),
    };
    const body = {
      text: `**${view.title}** ${esc(view.summary)}${link}`,
      ...(config.channel ? { channel: config.channel } : {}),
      attachments: [attachment],
    };
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    };
  },
  classify(res, now) {
    return classifyResponse(res, now, (r) => {
      const json = parseJson(r.body);
      return typeof json?.id === "string"
        ? { code: json.id, ...(typeof json.message === "string" ? { message: json.message } : {}) }
        : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
