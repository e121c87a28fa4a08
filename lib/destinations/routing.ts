import { EVENT_TYPES, type EventType, type InquiryAlert, SESSION_CHANNELS, type SessionChannel } from "@/lib/alerts/types";

// 받을 알림: which inquiry alerts a destination receives. Client-safe (no zod): the form and the
// list read it too. The server validates with lib/destinations/routing-schema.ts.
//
// Decisions (README, "받을 알림"):
// - an alert sent without `session.channel` is 기타 (`other`): the dispatch schema defaults it;
// - team names match exactly (case-sensitive) after trimming both sides: "CS" is not "cs";
// - an alert without `team` never matches a destination limited to some teams;
// - 실패 알림 and 테스트 전송 are never routed: only inquiry alerts pass through here.

export interface Routing {
  events: EventType[];
  channels: SessionChannel[];
  /** empty: every team (and alerts without one) */
  teams: string[];
}

export const ROUTE_ALL: Routing = { events: [...EVENT_TYPES], channels: [...SESSION_CHANNELS], teams: [] };

/** Each event's label key under `log.events` (next-intl keys cannot contain dots). */
export const EVENT_LABEL_KEYS = {
  "message.submitted": "messageSubmitted",
  "session.waiting": "sessionWaiting",
  "session.assigned": "sessionAssigned",
} as const satisfies Record<EventType, string>;

export const MAX_TEAMS = 20;
export const MAX_TEAM_LENGTH = 100;

export function routesEverything(r: Routing): boolean {
  return r.events.length === EVENT_TYPES.length && r.channels.length === SESSION_CHANNELS.length && r.teams.length === 0;
}

/** What the database stores: null for "everything" (every row saved before 받을 알림 existed). */
export function storedRouting(r: Routing): string | null {
  return routesEverything(r) ? null : JSON.stringify(r);
}

/** The stored column back to rules; anything unreadable receives everything, so no alert is lost. */
export function readRouting(stored: string | null): Routing {
  if (stored === null) return ROUTE_ALL;
  try {
    const r = JSON.parse(stored) as Partial<Routing>;
    const events = EVENT_TYPES.filter((e) => r.events?.includes(e));
    const channels = SESSION_CHANNELS.filter((c) => r.channels?.includes(c));
    const teams = Array.isArray(r.teams) ? r.teams.filter((t): t is string => typeof t === "string") : [];
    return { events, channels, teams };
  } catch {
    return ROUTE_ALL;
  }
}

export type RouteMatcher = (alert: Pick<InquiryAlert, "event" | "session" | "team">) => boolean;

/** Sets built once per rule; matching an alert is three lookups. */
export function compileRouting(r: Routing): RouteMatcher {
  if (routesEverything(r)) return () => true;
  const events = new Set<string>(r.events);
  const channels = new Set<string>(r.channels);
  const teams = r.teams.length > 0 ? new Set(r.teams) : null;
  return (alert) => {
    if (!events.has(alert.event) || !channels.has(alert.session.channel)) return false;
    if (teams === null) return true;
    const team = alert.team?.trim();
    return team !== undefined && teams.has(team);
  };
}

// The accept path compiles each destination's stored rules once: keyed by the stored text, so an
// edit (in this process or another on the same database) is a new key, and nothing goes stale.
const compiled = new Map<string, RouteMatcher>();
const everything: RouteMatcher = () => true;

export function matcherFor(stored: string | null): RouteMatcher {
  if (stored === null) return everything;
  let m = compiled.get(stored);
  if (!m) {
    if (compiled.size > 1_000) compiled.clear();
    m = compileRouting(readRouting(stored));
    compiled.set(stored, m);
  }
  return m;
}

/** 감사 기록's words for rules: fixed codes, plus the team names the admin typed. */
export function describeRouting(r: Routing): string {
  const list = (items: string[], all: number) => (items.length === all ? "all" : items.join(","));
  const teams = r.teams.length === 0 ? "all" : r.teams.join(",");
  return `events=${list(r.events, EVENT_TYPES.length)} channels=${list(r.channels, SESSION_CHANNELS.length)} teams=${teams}`;
}
