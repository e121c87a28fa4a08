import { formatWallClock } from "@/lib/time/zoned";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { MAX_MESSAGE_LENGTH, singleLine, stripControls, truncate } from "./escape";
import type { Alert, AlertContext, AlertLocale, EventType, InquiryAlert } from "./types";

// What every messenger shows, before any messenger-specific formatting or escaping.
// `untrusted` marks values that came from the customer (or an admin): adapters escape them.

export interface AlertField {
  label: string;
  value: string;
  untrusted: boolean;
  /** fits beside another field (Slack/Mattermost two-column layouts) */
  short: boolean;
  /**
   * A value people copy exactly (the customer's e-mail address): it must reach the messenger
   * unaltered, so where mentions would be parsed it goes in a form that is never parsed (code).
   */
  verbatim?: true;
}

export interface AlertView {
  /** our own words, never customer text */
  title: string;
  /** contains customer text: always escape */
  summary: string;
  fields: AlertField[];
  /** the customer's message, truncated to 1,000 characters; untrusted */
  message?: string;
  /** the conversation (or console) link; the URL is validated at the edge, the label is ours */
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

type Catalogue = typeof ko.alert;
const CATALOGUES: Record<AlertLocale, Catalogue> = { ko: ko.alert, en: en.alert };

/**
 * The labels of the links Alimi itself writes (e.g. "상담 열기"), in every language: plain-text
 * messengers must not show customer text that starts like one of our link lines.
 */
export const LINK_LABELS: readonly string[] = Object.values(CATALOGUES).flatMap((t) => [
  t.openConversation,
  t.digest.moreLink,
  t.digest.open,
  t.notice.openConsole,
]);

export const ALERT_COLORS = {
  "message.submitted": "#2F5BEA",
  "session.waiting": "#E8A317",
  "session.assigned": "#1C7C4A",
  test: "#6B7280",
  digest: "#7C3AED",
  paused: "#C8322F",
  recovered: "#1C7C4A",
} as const satisfies Record<EventType | "test" | "digest" | "paused" | "recovered", `#${string}`>;

// next-intl forbids dots in message keys, so event ids map to camelCase keys.
const EVENT_KEYS = {
  "message.submitted": "messageSubmitted",
  "session.waiting": "sessionWaiting",
  "session.assigned": "sessionAssigned",
} as const satisfies Record<EventType, keyof Catalogue["events"]>;

/**
 * Plain `{name}` substitution, not ICU: values are customer text and must never be parsed.
 * Inside the Next build the JSON import is next-intl's precompiled form (next.config.ts:
 * `precompile`), where "{customer} 님" arrives as [["customer"], " 님"]: both are read.
 */
export function fill(template: string | unknown, values: Record<string, string>): string {
  if (Array.isArray(template)) {
    return template.map((part) => (typeof part === "string" ? part : Array.isArray(part) ? (values[String(part[0])] ?? "") : "")).join("");
  }
  return String(template).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** e.g. "2026-11-23 12:12:45 (Asia/Seoul)": the same shape in both languages, zone named unambiguously. */
export function formatAlertTime(epochMs: number, timeZone: string): string {
  // One cached formatter per zone (lib/time/zoned.ts), not a new Intl object per alert.
  return `${formatWallClock(epochMs, timeZone)} (${timeZone})`;
}

/** One line of a digest: who, what, when, and the start of what they wrote. */
function digestLine(item: InquiryAlert, t: Catalogue, timeZone: string): string {
  const time = formatAlertTime(item.occurredAt, timeZone).slice(11, 16);
  const message = item.message?.trim() ? `: ${singleLine(item.message, 80)}` : "";
  return `${singleLine(item.customer.name, 60)} · ${t.events[EVENT_KEYS[item.event]].title} · ${time}${message}`;
}

const field = (label: string, value: string, untrusted = true): AlertField => ({ label, value, untrusted, short: true });

export function renderAlert(alert: Alert, ctx: AlertContext): AlertView {
  const t = CATALOGUES[ctx.locale];
  const time = field(t.fields.time, formatAlertTime(alert.occurredAt, ctx.timeZone), false);
  const base = { brand: t.brand, labels: { message: t.fields.message, open: t.digest.open } };

  if (alert.kind === "test") {
    // The destination name is admin text, so it goes in the (escaped) summary, never the title.
    const destination = singleLine(alert.destinationName);
    return {
      ...base,
      title: t.test.title,
      summary: fill(t.test.summary, { destination }),
      fields: [field(t.fields.destination, destination), time],
      color: ALERT_COLORS.test,
    };
  }

  if (alert.kind === "digest") {
    const count = String(alert.total);
    const rest = alert.total - alert.items.length;
    return {
      ...base,
      title: fill(t.digest.title, { count }),
      summary: fill(t.digest.summary, { count }),
      fields: [time],
      items: alert.items.map((item) => ({ text: digestLine(item, t, ctx.timeZone), url: item.session.url })),
      ...(rest > 0 ? { more: fill(t.digest.more, { count: String(rest) }) } : {}),
      ...(alert.moreUrl ? { link: { url: alert.moreUrl, label: t.digest.moreLink } } : {}),
      color: ALERT_COLORS.digest,
    };
  }

  if (alert.kind === "notice") {
    const paused = alert.change === "paused";
    const values = {
      destination: singleLine(alert.destinationName),
      messenger: alert.messenger,
      reason: singleLine(alert.reason ?? "", 300),
    };
    return {
      ...base,
      title: paused ? t.notice.pausedTitle : t.notice.recoveredTitle,
      summary: fill(paused ? t.notice.pausedSummary : t.notice.recoveredSummary, values),
      fields: [time],
      ...(alert.consoleUrl ? { link: { url: alert.consoleUrl, label: t.notice.openConsole } } : {}),
      color: paused ? ALERT_COLORS.paused : ALERT_COLORS.recovered,
    };
  }

  const customer = singleLine(alert.customer.name);
  const agent = alert.agent ? singleLine(alert.agent.name) : undefined;
  const fields = [field(t.fields.customer, customer), field(t.fields.channel, t.channels[alert.session.channel], false)];
  if (agent) fields.push(field(t.fields.agent, agent));
  fields.push(time);
  if (alert.customer.email) fields.push({ ...field(t.fields.email, singleLine(alert.customer.email)), verbatim: true });
  if (alert.customer.phone) fields.push(field(t.fields.phone, singleLine(alert.customer.phone)));
  if (alert.team) fields.push(field(t.fields.team, singleLine(alert.team)));

  const text = stripControls(alert.message ?? "").trim();
  const strings = t.events[EVENT_KEYS[alert.event]];
  return {
    ...base,
    title: strings.title,
    summary: fill(strings.summary, { customer, agent: agent ?? "" }),
    fields,
    ...(text ? { message: truncate(text, MAX_MESSAGE_LENGTH) } : {}),
    link: { url: alert.session.url, label: t.openConversation },
    color: ALERT_COLORS[alert.event],
  };
}

/** The view with `escapeText` applied to every untrusted value (summary, marked fields, message, digest lines). */
export function mapUntrusted(view: AlertView, escapeText: (text: string) => string): AlertView {
  return {
    ...view,
    summary: escapeText(view.summary),
    fields: view.fields.map((f) => (f.untrusted ? { ...f, value: escapeText(f.value) } : f)),
    ...(view.message !== undefined ? { message: escapeText(view.message) } : {}),
    ...(view.items ? { items: view.items.map((i) => ({ ...i, text: escapeText(i.text) })) } : {}),
  };
}
