import { listDestinations } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import { EVENT_SWITCH } from "@/lib/alerts/accept-batch";
import { EVENT_TYPES } from "@/lib/alerts/types";
import type { HeaderReader } from "@/lib/api-keys";
import { readRouting } from "@/lib/destinations/routing";
import { type ApiAnswer, apiError, apiJson } from "@/lib/http/errors";
import { checkKeyHeaders, finishKeyCheck, rateLimited } from "./auth";
import type { DestinationsAnswer } from "./response-schemas";

// GET /api/v1/destinations: every destination with its 받을 알림, so a chat system can show where
// an alert would go. Read-only, and built field by field from an allow-list: a webhook URL, a
// channel or recipient, a secret never reaches this JSON, whatever columns the table grows.

const NO_BODY = new Uint8Array(0);

export function listDestinationsAnswer(headers: HeaderReader): ApiAnswer {
  try {
    // A signed GET signs "timestamp." and the empty body.
    const keyId = finishKeyCheck(checkKeyHeaders(headers), headers, NO_BODY);
    if (typeof keyId !== "number") return keyId;
    const limited = rateLimited(keyId);
    if (limited) return limited;
    return apiJson(200, destinationsView());
  } catch (error) {
    console.error("[alimi] destinations listing failed:", error instanceof Error ? error.message : error);
    return apiError(500, "internal_error", "The destinations could not be read. Try again.");
  }
}

export function destinationsView(): DestinationsAnswer {
  const settings = getSettings();
  return {
    destinations: listDestinations().map((d) => ({
      id: d.id,
      name: d.name,
      messenger: d.messenger,
      enabled: d.enabled,
      paused: d.pausedAt !== null,
      routing: readRouting(d.routing),
    })),
    workspace: {
      events: Object.fromEntries(EVENT_TYPES.map((e) => [e, Boolean(settings[EVENT_SWITCH[e]])])) as Record<
        (typeof EVENT_TYPES)[number],
        boolean
      >,
    },
  };
}
