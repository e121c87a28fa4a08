import { fitLength, safeLinkTarget, slackEscape } from "@/lib/alerts/escape";
import { type AlertView, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "../classify";
import type { Adapter } from "../types";

// Slack's documented limits (spec): header 150, section text 3,000, `text` 4,000, 50 blocks;
// Block Kit also caps section fields at 10 × 2,000, button labels at 75 and button URLs at 3,000.
const LIMITS = { header: 150, section: 3_000, field: 2_000, fields: 10, text: 4_000, blocks: 50, button: 75, url: 3_000 };

const plain = (text: string, max = LIMITS.section) => ({ type: "plain_text" as const, text: fitLength(text, max), emoji: true });

function button(label: string, url: string) {
  return { type: "button", text: plain(label, LIMITS.button), url: safeLinkTarget(url) };
}

/** Block Kit; every value is a plain_text object, which Slack never parses for mentions or links. */
function blocks(view: AlertView): unknown[] {
  const head: unknown[] = [
    { type: "header", text: plain(view.title, LIMITS.header) },
    { type: "section", text: plain(view.summary) },
    { type: "section", fields: view.fields.slice(0, LIMITS.fields).map((f) => plain(`${f.label}\n${f.value}`, LIMITS.field)) },
  ];
  if (view.message) head.push({ type: "section", text: plain(`${view.labels.message}\n${view.message}`) });
  const tail: unknown[] = [];
  if (view.more) tail.push({ type: "context", elements: [plain(view.more)] });
  if (view.link && view.link.url.length <= LIMITS.url) {
    tail.push({ type: "actions", elements: [button(view.link.label, view.link.url)] });
  }
  // A digest's lines fill whatever room the 50-block cap leaves; the total is in the title.
  const room = LIMITS.blocks - head.length - tail.length;
  const items = (view.items ?? []).slice(0, room).map((item) => ({
    type: "section",
    text: plain(item.text),
    ...(item.url.length <= LIMITS.url ? { accessory: button(view.labels.open, item.url) } : {}),
  }));
  return [...head, ...items, ...tail];
}

/** The notification fallback (mrkdwn): escaped summary, then our own link, always kept whole. */
function fallbackText(view: AlertView): string {
  const link = view.link ? ` <${slackEscape(safeLinkTarget(view.link.url))}|${slackEscape(view.link.label)}>` : "";
  return fitLength(`${view.title}: ${slackEscape(view.summary)}`, LIMITS.text - link.length) + link;
}

export const slackAdapter = {
  id: "slack",
  buildRequest(alert, config, ctx) {
    // Customer values go out unaltered: plain_text is never parsed, and the mrkdwn fallback
    // escapes &, < and > — Slack mentions only exist as <@U…>/<!here>, so a bare @ is inert.
    // (Invisible characters added "to be safe" would break an e-mail address copied out of Slack.)
    const view = renderAlert(alert, ctx);
    const body = {
      text: fallbackText(view),
      blocks: blocks(view),
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
    // The spec says Slack answers 200 `ok`. Any other 2xx body is still treated as delivered:
    // Slack accepted the post, and retrying could only duplicate the alert in the channel.
    return classifyResponse(res, now, (r) => {
      const text = r.body.trim();
      return /^[a-z_]{2,64}$/.test(text) ? { code: text } : bodyAsMessage(r);
    });
  },
} satisfies Adapter;
