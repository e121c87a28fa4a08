import { slackEscape, truncate } from "@/lib/alerts/escape";
import { renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import type { Adapter } from "../types";

// Slack limits: header text 150, section text 3,000, field text 2,000 (10 fields), `text` 4,000.
const plain = (text: string, max = 3_000) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

export const slackAdapter = {
  id: "slack",
  buildRequest(alert, config, ctx) {
    const view = renderAlert(alert, ctx);
    // Customer values only ever appear in plain_text objects, which Slack never parses for
    // mentions or links; the mrkdwn `text` fallback is escaped (&, <, > — nothing else).
    const blocks: unknown[] = [
      { type: "header", text: plain(view.title, 150) },
      { type: "section", text: plain(view.summary) },
      { type: "section", fields: view.fields.slice(0, 10).map((f) => plain(`${f.label}\n${f.value}`, 2_000)) },
    ];
    if (view.message) blocks.push({ type: "section", text: plain(`${view.labels.message}\n${view.message}`) });
    for (const item of view.items ?? []) {
      blocks.push({
        type: "section",
        text: plain(item.text),
        accessory: { type: "button", text: plain(view.labels.open, 75), url: item.url.slice(0, 3_000) },
      });
    }
    if (view.more) blocks.push({ type: "context", elements: [plain(view.more)] });
    if (view.link) {
      blocks.push({
        type: "actions",
        elements: [{ type: "button", text: plain(view.link.label, 75), url: view.link.url.slice(0, 3_000) }],
      });
    }
    const link = view.link ? ` <${slackEscape(view.link.url).replace(/\|/g, "%7C")}|${view.link.label}>` : "";
    const body = {
      text: truncate(`${view.title}: ${slackEscape(view.summary)}`, 3_800) + link,
      blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(config.channel ? { channel: config.channel } : {}),
    };
    return {
      url: config.webhookUrl,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    };
  },
  classify(res, now) {
    // A 2xx is delivered even if the body is not the usual `ok`: Slack accepted the post.
    return classifyResponse(res, now, (r) => {
      const text = r.body.trim();
      return /^[a-z_]{2,64}$/.test(text) ? { code: text } : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
