import { breakLinkSyntax, breakMentions } from "@/lib/alerts/escape";
import { type AlertView, mapUntrusted, renderAlert } from "@/lib/alerts/render";
import { bodyAsMessage, classifyResponse } from "./classify";
import type { Adapter } from "./types";

/**
 * The plain-text alert for Hiworks, Agit and Teamroom: one fact per line, customer values with
 * their mentions broken. Names are already single-line, so nothing can fake a line.
 */
export function plainTextAlert(view: AlertView): string {
  const lines = [`[${view.brand}] ${view.title}`, breakMentions(view.summary), ""];
  for (const field of view.fields) {
    lines.push(`${field.label}: ${field.untrusted ? breakMentions(field.value) : field.value}`);
  }
  if (view.message) lines.push(`${view.labels.message}:`, breakMentions(view.message));
  for (const item of view.items ?? []) lines.push(`• ${breakMentions(item.text)} — ${item.url}`);
  if (view.more) lines.push(view.more);
  if (view.link) lines.push("", `${view.link.label}: ${view.link.url}`);
  return lines.join("\n");
}

/**
 * Hiworks and Agit take the same request: `{text}` as JSON, plain text, link syntax broken too
 * (their rendering is barely documented, so assume a client might parse it), and no known error
 * shape, so the body is kept as the message.
 */
export function textJsonAdapter<Id extends "hiworks" | "agit">(id: Id) {
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
  } satisfies Adapter;
}
