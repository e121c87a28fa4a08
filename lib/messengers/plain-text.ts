import { breakLinkSyntax, breakMentions, safeLinkTarget } from "@/lib/alerts/escape";
import { type AlertView, LINK_LABELS, mapUntrusted, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "./classify";
import type { Adapter, OutboundRequest, WebhookMessengerId } from "./types";

/** Marks customer text that would otherwise read like one of Alimi's own lines. */
export const QUOTE = "│ ";

const squeeze = (text: string) => text.replace(/[\s\u200B]+/gu, "").toLowerCase();
const OUR_LABELS = LINK_LABELS.map(squeeze);

/** Customer-led text (a summary starts with the customer's name) that imitates a link line is quoted. */
function guardLine(line: string): string {
  const start = squeeze(line);
  return OUR_LABELS.some((label) => start.startsWith(label)) ? `${QUOTE}${line}` : line;
}

/**
 * The plain-text alert for Hiworks, Agit and Teamroom: one fact per line, customer values with
 * their mentions broken. Names are single-line, every line of the customer's message is quoted,
 * and links are written inert (safeLinkTarget), so customer text can neither fake a line of
 * ours (say, another "상담 열기: …") nor turn our link into something else.
 */
export function plainTextAlert(view: AlertView): string {
  const lines = [`[${view.brand}] ${view.title}`, guardLine(breakMentions(view.summary)), ""];
  for (const field of view.fields) {
    lines.push(`${field.label}: ${field.untrusted ? breakMentions(field.value) : field.value}`);
  }
  if (view.message) {
    lines.push(
      `${view.labels.message}:`,
      ...breakMentions(view.message)
        .split("\n")
        .map((line) => `${QUOTE}${line}`),
    );
  }
  for (const item of view.items ?? []) lines.push(`• ${breakMentions(item.text)} — ${safeLinkTarget(item.url)}`);
  if (view.more) lines.push(view.more);
  if (view.link) lines.push("", `${view.link.label}: ${safeLinkTarget(view.link.url)}`);
  return lines.join("\n");
}

/**
 * Hiworks and Agit take the same request: `{text}` as JSON, plain text, link syntax broken too
 * (their rendering is barely documented, so assume a client might parse it), and no known error
 * shape, so the body is kept as the message.
 */
export function textJsonAdapter<Id extends WebhookMessengerId>(id: Id) {
  return {
    id,
    buildRequest(alert, config, ctx) {
      return {
        url: config.webhookUrl,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: plainTextAlert(mapUntrusted(renderAlert(alert, ctx), breakLinkSyntax)) }),
      };
    },
    classify: (res, now) => classifyResponse(res, now, bodyAsMessage),
  } satisfies Adapter<Id, OutboundRequest>;
}
