import { breakMentions } from "@/lib/alerts/escape";
import type { AlertView } from "@/lib/alerts/render";

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
