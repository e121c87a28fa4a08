import { type AlertView, renderAlert } from "@/lib/alerts/render";
import type { Alert, AlertContext } from "@/lib/alerts/types";

// What the card messengers share around lib/alerts/render: digests show their first ten alerts
// (each with its own link; the rest behind the delivery-log link and counted in "외 N건"), and a
// digest that would not fit a messenger's size limit shows fewer, never a truncated card.

export const DIGEST_ITEMS = 10;

/**
 * The largest view, with at most `max` digest lines, whose built request `fits`. renderAlert
 * counts what is left out ("외 N건"), so dropping lines keeps the total right. Other alerts are
 * built once: their parts are capped by each adapter.
 */
export function buildFitting<T>(
  alert: Alert,
  ctx: AlertContext,
  build: (view: AlertView) => T,
  fits: (built: T) => boolean,
  max = DIGEST_ITEMS,
): T {
  if (alert.kind !== "digest") return build(renderAlert(alert, ctx));
  for (let n = Math.min(max, alert.items.length); n > 0; n--) {
    const built = build(renderAlert({ ...alert, items: alert.items.slice(0, n) }, ctx));
    if (fits(built)) return built;
  }
  return build(renderAlert({ ...alert, items: [] }, ctx));
}

/** The JSON request every card messenger sends (the sender adds User-Agent). */
export function jsonRequest(url: string, body: unknown, contentType = "application/json") {
  return { url, method: "POST" as const, headers: { "content-type": contentType }, body: JSON.stringify(body) };
}
