import { breakMentions, fitLength, mattermostEscape, safeLinkTarget } from "@/lib/alerts/escape";
import { type AlertView, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter } from "../types";

// Mattermost splits posts over 16,383 characters into several; nothing we send comes close
// (message ≤ 1,000, fields ≤ 200), and each part is capped anyway so one alert stays one post.
const MAX_PART = 4_000;

// Mattermost turns <!channel>, <url|text> and @all into mentions and links before Markdown,
// so every customer value is Markdown-escaped and has its @ and < broken (spec).
const esc = (value: string, untrusted = true) => (untrusted ? mattermostEscape(value) : value);
const mdLink = (label: string, url: string) => `[${label}](${safeLinkTarget(url)})`;

/**
 * An exact value (the e-mail address) as a code span: Mattermost parses neither mentions nor
 * Markdown inside one, so it needs no escaping and copies out intact. A value that could end
 * the span early (a backtick) falls back to ordinary escaping.
 */
const fieldValue = (f: AlertView["fields"][number]) =>
  f.verbatim && !/[`\n]/.test(f.value) ? `\`${f.value}\`` : esc(f.value, f.untrusted);

function attachment(view: AlertView) {
  const items = (view.items ?? []).map((i) => `- ${esc(i.text)} · ${mdLink(view.labels.open, i.url)}`);
  if (view.more) items.push(view.more);
  const text = [view.message ? esc(view.message) : null, ...items].filter(Boolean).join("\n");
  return {
    // Notifications show `fallback` as plain text, never Markdown: only mentions need breaking.
    fallback: fitLength(`${view.title}: ${breakMentions(view.summary)}`, MAX_PART),
    color: view.color,
    title: view.title,
    ...(view.link ? { title_link: safeLinkTarget(view.link.url) } : {}),
    ...(text ? { text: fitLength(text, MAX_PART) } : {}),
    fields: view.fields.map((f) => ({ title: f.label, value: fieldValue(f), short: f.short })),
  };
}

export const mattermostAdapter = {
  id: "mattermost",
  buildRequest(alert, config, ctx) {
    const view = renderAlert(alert, ctx);
    // Our link sits in `text`, ahead of any customer URL (which is only ever in the attachment):
    // Mattermost previews just the first link in a post's text, so that preview is ours.
    const link = view.link ? ` · ${mdLink(view.link.label, view.link.url)}` : "";
    const body = {
      text: `**${view.title}** ${esc(view.summary)}${link}`,
      ...(config.channel ? { channel: config.channel } : {}),
      attachments: [attachment(view)],
    };
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    };
  },
  classify(res, now) {
    // Errors are JSON {id, message, status_code}; the id is the stable code (spec).
    return classifyResponse(res, now, (r) => {
      const json = parseJson(r.body);
      return typeof json?.id === "string"
        ? { code: json.id, ...(typeof json.message === "string" ? { message: json.message } : {}) }
        : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
