import { getTranslations } from "next-intl/server";
import { eventKey } from "@/components/deliveries/event-label";
import { listLog } from "@/db/queries/delivery-log";
import { getSettings } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth/current-user";
import { CSV_BOM, csvLine, csvTime } from "@/lib/deliveries/csv";
import { type LogSearch, parseLogFilters } from "@/lib/deliveries/log-filters";

// GET /deliveries/export?<the page's filters>: every matching alert, one row per delivery,
// streamed page by page (keyset pagination), so a month of history never sits in memory at once.
export async function GET(request: Request): Promise<Response> {
  if (!(await getCurrentUser())) return new Response("Sign in first.", { status: 401 });
  const search = Object.fromEntries(new URL(request.url).searchParams) as LogSearch;
  const { timeZone } = getSettings();
  const filters = parseLogFilters({ ...search, before: undefined }, timeZone);
  const [t, tm] = await Promise.all([getTranslations("log"), getTranslations("messengers")]);
  const status = (s: string) =>
    ["pending", "delivered", "failed", "queued", "skipped", "unmatched"].includes(s) ? t(`status.${s as "pending"}`) : s;
  const messenger = (id: string) => (tm.has(`${id}.name` as "slack.name") ? tm(`${id}.name` as "slack.name") : id);

  const encoder = new TextEncoder();
  let before = filters.before;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = "";
      if (first) {
        first = false;
        text +=
          CSV_BOM +
          csvLine(
            ["time", "event", "customer", "destination", "messenger", "status", "attempts", "http", "code", "alertId", "deliveryId"].map(
              (k) => t(`csv.${k as "time"}`),
            ),
          );
      }
      const { alerts, next } = listLog({ ...filters, before });
      for (const a of alerts) {
        const common = [csvTime(a.createdAt, timeZone), t(eventKey(a.event)), a.customer];
        if (a.deliveries.length === 0) text += csvLine([...common, "", "", status(a.status), "", "", "", a.id, ""]);
        for (const d of a.deliveries) {
          text += csvLine([
            ...common,
            d.destinationName ?? t("deletedDestination"),
            messenger(d.messenger),
            status(d.status),
            d.attempts,
            d.lastStatus,
            d.lastCode,
            a.id,
            d.id,
          ]);
        }
      }
      controller.enqueue(encoder.encode(text));
      if (next) before = next;
      else controller.close();
    },
  });
  const day = csvTime(Date.now(), timeZone).slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="alimi-deliveries-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
