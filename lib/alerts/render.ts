import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { MAX_MESSAGE_LENGTH, singleLine, truncate } from "./escape";
import type { Alert, AlertContext, AlertLocale, EventType, InquiryAlert } from "./types";

// What every messenger shows, before any messenger-specific formatting or escaping.
// `untrusted` marks values that came from the customer (or an admin): adapters escape them.

export interface AlertField {
  label: string;
  value: string;
  untrusted: boolean;
  /** fits beside another field (Slack/Mattermost two-column layouts) */
  short: boolean;
}

export interface AlertView {
  /** our own words, never customer text */
  title: string;
  /** contains customer text: always escape */
  summary: string;
  fields: AlertField[];
  /** the customer's message, truncated to 1,000 characters; untrusted */
  message?: string;
  link?: { url: string; label: string };
  /** a digest's alerts: `text` is untrusted, `url` opens that conversation */
  items?: { text: string; url: string }[];
  /** a digest's remainder, e.g. "외 7건" */
  more?: string;
  /** #RRGGBB, per event */
  color: string;
  brand: string;
  labels: { message: string; open: string };
}

const CATALOGUES: Record<AlertLocale, typeof ko.alert> = { ko: ko.alert, en: en.alert };

const COLORS: Record<EventType | "test" | "digest" | "paused" | "recovered", string> = {
  "message.submitted": "#2F5BEA",
  "session.waiting": "#E8A317",
  "session.assigned": "#1C7C4A",
  test: "#6B7280",
  digest: "#7C3AED",
  paused: "#C8322F",
  recovered: "#1C7C4A",
};

// next-intl forbids dots in message keys, so event ids map to camelCase keys.
const EVENT_KEYS = {
  "message.submitted": "messageSubmitted",
  "session.waiting": "sessionWaiting",
  "session.assigned": "sessionAssigned",
} as const satisfies Record<EventType, keyof typeof ko.alert.events>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** e.g. "2026-11-23 12:12:45 (Asia/Seoul)", the same shape in both languages. */
export function formatAlertTime(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} (${timeZone})`;
}

/** One line of a digest: who, what, when, and the start of what they wrote. */
function digestLine(item: InquiryAlert, t: typeof ko.alert, timeZone: string): string {
  const time = formatAlertTime(item.occurredAt, timeZone).slice(11, 16);
  const title = t.events[EVENT_KEYS[item.event]].title;
  const message = item.message?.trim() ? `: ${singleLine(item.message, 80)}` : "";
  return `${singleLine(item.customer.name, 60)} · ${title} · ${time}${message}`;
}

export function renderAlert(alert: Alert, ctx: AlertContext): AlertView {
  const t = CATALOGUES[ctx.locale];
  const time = { label: t.fields.time, value: formatAlertTime(alert.occurredAt, ctx.timeZone), untrusted: false, short: true };
  const base = { brand: t.brand, labels: { message: t.fields.message, open: t.digest.open } };

  if (alert.kind === "test") {
    const destination = singleLine(alert.destinationName);
    return {
      ...base,
      title: t.test.title,
      summary: fill(t.test.summary, { destination }),
      fields: [{ label: t.fields.destination, value: destination, untrusted: true, short: true }, time],
      color: COLORS.test,
    };
  }

  if (alert.kind === "digest") {
    const count = String(alert.total);
    return {
      ...base,
      title: fill(t.digest.title, { count }),
      summary: fill(t.digest.summary, { count }),
      fields: [time],
      items: alert.items.map((item) => ({ text: digestLine(item, t, ctx.timeZone), url: item.session.url })),
      ...(alert.total > alert.items.length ? { more: fill(t.digest.more, { count: String(alert.total - alert.items.length) }) } : {}),
      ...(alert.moreUrl ? { link: { url: alert.moreUrl, label: t.digest.moreLink } } : {}),
      color: COLORS.digest,
    };
  }

  if (alert.kind === "notice") {
    const values = {
      destination: singleLine(alert.destinationName),
      messenger: alert.messenger,
      reason: singleLine(alert.reason ?? "", 300),
    };
    const paused = alert.change === "paused";
    return {
      ...base,
      title: paused ? t.notice.pausedTitle : t.notice.recoveredTitle,
      summary: fill(paused ? t.notice.pausedSummary : t.notice.recoveredSummary, values),
      fields: [time],
      ...(alert.consoleUrl ? { link: { url: alert.consoleUrl, label: t.notice.openConsole } } : {}),
      color: paused ? COLORS.paused : COLORS.recovered,
    };
  }

  const customer = singleLine(alert.customer.name);
  const agent = alert.agent ? singleLine(alert.agent.name) : undefined;
  const fields: AlertField[] = [
    { label: t.fields.customer, value: customer, untrusted: true, short: true },
    { label: t.fields.channel, value: t.channels[alert.session.channel], untrusted: false, short: true },
  ];
  if (agent) fields.push({ label: t.fields.agent, value: agent, untrusted: true, short: true });
  fields.push(time);
  if (alert.customer.email) fields.push({ label: t.fields.email, value: singleLine(alert.customer.email), untrusted: true, short: true });
  if (alert.customer.phone) fields.push({ label: t.fields.phone, value: singleLine(alert.customer.phone), untrusted: true, short: true });
  if (alert.team) fields.push({ label: t.fields.team, value: singleLine(alert.team), untrusted: true, short: true });

  const message = alert.message?.trim() ? truncate(alert.message.trim(), MAX_MESSAGE_LENGTH) : undefined;
  return {
    ...base,
    title: t.events[EVENT_KEYS[alert.event]].title,
    summary: fill(t.events[EVENT_KEYS[alert.event]].summary, { customer, agent: agent ?? "" }),
    fields,
    ...(message ? { message } : {}),
    link: { url: alert.session.url, label: t.openConversation },
    color: COLORS[alert.event],
  };
}
