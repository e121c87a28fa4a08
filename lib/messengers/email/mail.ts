import { fitLength, safeLinkTarget, singleLine } from "@/lib/alerts/escape";
import { type AlertView, fill, renderAlert } from "@/lib/alerts/render";
import type { Alert, AlertContext, AlertLocale } from "@/lib/alerts/types";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

// The 이메일 message: a Korean (or English, per 상담 안내) subject, a plain-text part and an HTML
// part with the same content. Customer text is text: in HTML every value is escaped, the only
// link is ours (the conversation, http/https), and there are no images, remote resources,
// scripts or tracking. Pure: lib/delivery/smtp.ts adds From and sends it.

type Strings = typeof ko.alert.email;
const STRINGS: Record<AlertLocale, Strings> = { ko: ko.alert.email, en: en.alert.email };
const BRANDS: Record<AlertLocale, string> = { ko: ko.alert.brand, en: en.alert.brand };
const SUBJECT_MAX = 150;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** `& < > " '` → entities: safe in text and in double-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function subjectOf(alert: Alert, s: Strings): string {
  switch (alert.kind) {
    case "test":
      return fill(s.subjects.test, { destination: singleLine(alert.destinationName, 60) });
    case "digest":
      return fill(s.subjects.digest, { count: String(alert.total) });
    case "notice":
      return fill(alert.change === "paused" ? s.subjects.paused : s.subjects.recovered, {
        destination: singleLine(alert.destinationName, 60),
      });
    default: {
      const values = { customer: singleLine(alert.customer.name, 60), agent: singleLine(alert.agent?.name ?? "", 60) };
      const key =
        alert.event === "message.submitted" ? "messageSubmitted" : alert.event === "session.waiting" ? "sessionWaiting" : "sessionAssigned";
      return fill(s.subjects[key], values);
    }
  }
}

function textPart(view: AlertView, footer: string): string {
  const lines = [view.title, view.summary, ""];
  for (const f of view.fields) lines.push(`${f.label}: ${f.value}`);
  if (view.message) lines.push("", `${view.labels.message}:`, view.message);
  if (view.items?.length) {
    lines.push("");
    for (const [i, item] of view.items.entries()) lines.push(`${i + 1}. ${item.text}`, `   ${safeLinkTarget(item.url)}`);
  }
  if (view.more) lines.push(view.more);
  if (view.link) lines.push("", `${view.link.label}: ${safeLinkTarget(view.link.url)}`);
  lines.push("", "-- ", footer);
  return `${lines.join("\n")}\n`;
}

const link = (url: string, label: string) => `<a href="${escapeHtml(safeLinkTarget(url))}" style="color:#1d4ed8">${escapeHtml(label)}</a>`;

function htmlPart(view: AlertView, subject: string, footer: string, locale: AlertLocale): string {
  const cell = "padding:4px 12px 4px 0;vertical-align:top;text-align:left";
  const rows = view.fields
    .map(
      (f) =>
        `<tr><th scope="row" style="${cell};font-weight:normal;color:#555">${escapeHtml(f.label)}</th><td style="${cell}">${escapeHtml(f.value)}</td></tr>`,
    )
    .join("");
  const parts = [
    `<h1 style="font-size:18px;margin:0 0 8px;color:${view.color}">${escapeHtml(view.title)}</h1>`,
    `<p style="margin:0 0 12px">${escapeHtml(view.summary)}</p>`,
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">${rows}</table>`,
  ];
  if (view.message) {
    parts.push(
      `<p style="margin:0 0 4px;color:#555">${escapeHtml(view.labels.message)}</p>`,
      `<p style="margin:0 0 12px;white-space:pre-wrap">${escapeHtml(view.message)}</p>`,
    );
  }
  if (view.items?.length) {
    const items = view.items.map(
      (item) => `<li style="margin:0 0 4px">${escapeHtml(item.text)} · ${link(item.url, view.labels.open)}</li>`,
    );
    parts.push(`<ol style="margin:0 0 12px;padding-left:20px">${items.join("")}</ol>`);
  }
  if (view.more) parts.push(`<p style="margin:0 0 12px">${escapeHtml(view.more)}</p>`);
  if (view.link) parts.push(`<p style="margin:0 0 16px">${link(view.link.url, view.link.label)}</p>`);
  parts.push(`<p style="margin:16px 0 0;padding-top:8px;border-top:1px solid #ddd;color:#777;font-size:12px">${escapeHtml(footer)}</p>`);
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:14px;line-height:1.5;color:#111">${parts.join("\n")}</body></html>`
  );
}

/** The whole mail for one alert (or digest), in the workspace's alert language and time zone. */
export function buildMail(alert: Alert, ctx: AlertContext): MailContent {
  const s = STRINGS[ctx.locale];
  const view = renderAlert(alert, ctx);
  // Header-safe: singleLine above took newlines out of every customer value; nodemailer encodes
  // the UTF-8 (RFC 2047).
  const subject = fitLength(`[${BRANDS[ctx.locale]}] ${subjectOf(alert, s)}`, SUBJECT_MAX);
  return { subject, text: textPart(view, s.footer), html: htmlPart(view, subject, s.footer, ctx.locale) };
}
