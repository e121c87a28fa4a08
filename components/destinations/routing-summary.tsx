import { getTranslations } from "next-intl/server";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";
import { EVENT_LABEL_KEYS, type Routing, routesEverything } from "@/lib/destinations/routing";

/** The list's one-line 받을 알림, shown only when the destination does not receive everything. */
export async function RoutingSummary({ routing }: { routing: Routing }) {
  if (routesEverything(routing)) return null;
  const t = await getTranslations();
  const parts = [
    routing.events.length < EVENT_TYPES.length ? routing.events.map((e) => t(`log.events.${EVENT_LABEL_KEYS[e]}`)).join(", ") : null,
    routing.channels.length < SESSION_CHANNELS.length ? routing.channels.map((c) => t(`alert.channels.${c}`)).join(", ") : null,
    routing.teams.length > 0 ? t("routing.summaryTeams", { teams: routing.teams.join(", ") }) : null,
  ].filter((p) => p !== null);
  return (
    <span className="hint routing-summary" data-testid="routing-summary">
      {t("routing.legend")}: {parts.join(" · ")}
    </span>
  );
}
