import "server-only";
import {
  type AlertContext,
  EVENT_TYPES,
  type EventType,
  type InquiryAlert,
  SESSION_CHANNELS,
  type SessionChannel,
} from "@/lib/alerts/types";
import type { MessengerId } from "@/lib/messengers/ids";
import { getAdapter } from "@/lib/messengers/registry";
import { type PreviewMessage, readOutbound } from "./preview-readers";
import { compileRouting, MAX_TEAMS, type Routing } from "./routing";

// 미리보기: for the form's current values, what a sample inquiry looks like in this messenger
// (built by its real adapter, then read back by preview-readers.ts) and which sample alerts the
// 받을 알림 rules let through (the same matcher the accept path uses).

export interface PreviewInput {
  messenger: MessengerId;
  name: string;
  channel?: string;
  /** as the form posts them: unticked boxes and half-typed teams are fine here, only 저장 judges */
  routing: { routeEvents: string[]; routeChannels: string[]; routeTeams: string };
  event: EventType;
}

export interface PreviewRow {
  event: EventType;
  channel: SessionChannel;
  team: string | null;
  received: boolean;
}

export interface PreviewModel {
  destination: string;
  channel: string | null;
  event: EventType;
  /** whether the rules let this sample through */
  received: boolean;
  message: PreviewMessage;
  rows: PreviewRow[];
}

// The sample is ours (not customer text), one per alert language.
const SAMPLE = {
  ko: { customer: "홍길동", message: "주문한 상품이 아직 도착하지 않았어요. 배송 조회 부탁드립니다.", agent: "김상담" },
  en: { customer: "Alex Kim", message: "My order hasn't arrived yet. Could you check the delivery?", agent: "Sam Lee" },
} as const;
const SAMPLE_CHANNEL: SessionChannel = "kakao";
const DEFAULT_TEAM = "cs";
/** Never used to send: the preview's request goes nowhere and its address is never returned. */
const NOWHERE = { webhook: "https://preview.invalid/hook", mail: "preview@example.invalid" };

/** The rules as typed, read leniently (the schema's canonical order and team splitting). */
export function previewRouting(input: PreviewInput["routing"]): Routing {
  const teams = [...new Set(input.routeTeams.split(/[,\n]/).map((t) => t.trim()))].filter((t) => t !== "");
  return {
    events: EVENT_TYPES.filter((e) => input.routeEvents.includes(e)),
    channels: SESSION_CHANNELS.filter((c) => input.routeChannels.includes(c)),
    teams: teams.slice(0, MAX_TEAMS),
  };
}

export function sampleAlert(event: EventType, team: string, ctx: AlertContext, now: number): InquiryAlert {
  const s = SAMPLE[ctx.locale];
  return {
    kind: "event",
    event,
    occurredAt: now,
    session: { id: "preview", url: "https://chat.example.com/sessions/preview", channel: SAMPLE_CHANNEL },
    customer: { name: s.customer },
    message: s.message,
    ...(event === "session.assigned" ? { agent: { name: s.agent } } : {}),
    team,
  };
}

/**
 * The rows: the three events (카카오톡, the sample team), then the chosen event from every other
 * channel, then without a team — so each of the three rules visibly takes or drops a row.
 */
function rows(routing: Routing, event: EventType, team: string): PreviewRow[] {
  const matches = compileRouting(routing);
  const samples: Omit<PreviewRow, "received">[] = [
    ...EVENT_TYPES.map((e) => ({ event: e, channel: SAMPLE_CHANNEL, team })),
    ...SESSION_CHANNELS.filter((c) => c !== SAMPLE_CHANNEL).map((c) => ({ event, channel: c, team })),
    { event, channel: SAMPLE_CHANNEL, team: null },
  ];
  return samples.map((r) => ({
    ...r,
    received: matches({ event: r.event, session: { id: "preview", url: "", channel: r.channel }, ...(r.team ? { team: r.team } : {}) }),
  }));
}

export function buildPreview(input: PreviewInput, ctx: AlertContext, now: number): PreviewModel {
  const routing = previewRouting(input.routing);
  // The sample's team is the first one the admin named, so limiting to teams shows a match.
  const team = routing.teams[0] ?? DEFAULT_TEAM;
  const alert = sampleAlert(input.event, team, ctx, now);
  const channel = input.channel?.trim() || null;
  const config = { name: input.name, webhookUrl: input.messenger === "email" ? NOWHERE.mail : NOWHERE.webhook, channel };
  const message = readOutbound(input.messenger, getAdapter(input.messenger).buildRequest(alert, config, ctx));
  const table = rows(routing, input.event, team);
  return {
    destination: input.name.trim(),
    channel,
    event: input.event,
    received: table[EVENT_TYPES.indexOf(input.event)].received,
    message,
    rows: table,
  };
}
