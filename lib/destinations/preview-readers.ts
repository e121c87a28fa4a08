import type { MessengerId } from "@/lib/messengers/ids";
import type { OutboundMail, OutboundRequest } from "@/lib/messengers/types";

// 미리보기 reads what the real adapter built (its request body), not the view it was built from:
// what the admin sees is what the messenger receives, escaping included. One small reader per
// payload shape; a messenger whose alert is plain text shows that text exactly.

export interface PreviewField {
  label: string;
  value: string;
}

export type PreviewMessage =
  | { kind: "card"; title: string; summary?: string; fields: PreviewField[]; message?: string; linkLabel?: string }
  | { kind: "text"; subject?: string; text: string };

// biome-ignore lint/suspicious/noExplicitAny: payloads are the adapters' own JSON, read defensively
type Json = any;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
/** "label\nvalue" (Slack fields and sections) → its two parts. */
const split = (text: string): PreviewField => {
  const at = text.indexOf("\n");
  return at < 0 ? { label: "", value: text } : { label: text.slice(0, at), value: text.slice(at + 1) };
};
/** The label of a Markdown link `[label](url)`, the URL left out. */
const mdLabel = (text: string | undefined) => text?.match(/\[([^\]]+)\]\([^)]*\)\s*$/)?.[1];

function slack(body: Json): PreviewMessage {
  const blocks: Json[] = body.blocks ?? [];
  const sections = blocks.filter((b) => b.type === "section");
  const message = sections.slice(1).find((b) => b.text);
  return {
    kind: "card",
    title: str(blocks.find((b) => b.type === "header")?.text?.text) ?? "",
    summary: str(sections[0]?.text?.text),
    fields: (sections.find((b) => b.fields)?.fields ?? []).map((f: Json) => split(String(f.text))),
    ...(message ? { message: split(String(message.text.text)).value } : {}),
    linkLabel: str(blocks.find((b) => b.type === "actions")?.elements?.[0]?.text?.text),
  };
}

/** Mattermost shows Markdown: its backslash escapes are not what the reader sees. */
const unMarkdown = (text: string | undefined) => text?.replace(/\\([^\w\s])/g, "$1");

function mattermost(body: Json): PreviewMessage {
  const a: Json = body.attachments?.[0] ?? {};
  return {
    kind: "card",
    title: str(a.title) ?? "",
    summary: str(a.fallback)?.slice(String(a.title).length + 2),
    fields: (a.fields ?? []).map((f: Json) => ({ label: String(f.title), value: unMarkdown(String(f.value)) ?? "" })),
    message: unMarkdown(str(a.text)),
    linkLabel: mdLabel(str(body.text)),
  };
}

/** Jandi's connectInfo rows are what arrives, the message among them: shown as they come. */
function jandi(body: Json): PreviewMessage {
  const [head, ...rest]: Json[] = body.connectInfo ?? [];
  return {
    kind: "card",
    title: str(head?.title) ?? "",
    summary: str(head?.description),
    fields: rest.map((f) => ({ label: String(f.title), value: String(f.description) })),
    linkLabel: mdLabel(str(body.body)),
  };
}

function teams(body: Json): PreviewMessage {
  const card: Json = body.attachments?.[0]?.content ?? {};
  const items: Json[] = card.body ?? [];
  const texts = items.filter((b) => b.type === "TextBlock").map((b) => String(b.text));
  return {
    kind: "card",
    title: texts[0] ?? "",
    summary: texts[1],
    fields: (items.find((b) => b.type === "FactSet")?.facts ?? []).map((f: Json) => ({ label: String(f.title), value: String(f.value) })),
    ...(texts.length > 3 ? { message: texts.slice(3).join("\n") } : {}),
    linkLabel: str(card.actions?.[0]?.title),
  };
}

function googlechat(body: Json): PreviewMessage {
  const card: Json = body.cardsV2?.[0]?.card ?? {};
  const widgets: Json[] = (card.sections ?? []).flatMap((s: Json) => s.widgets ?? []);
  return {
    kind: "card",
    title: str(card.header?.title) ?? "",
    summary: str(widgets.find((w) => w.textParagraph)?.textParagraph.text),
    fields: widgets
      .filter((w) => w.decoratedText)
      .map((w) => ({ label: String(w.decoratedText.topLabel), value: String(w.decoratedText.text) })),
    linkLabel: str(widgets.find((w) => w.buttonList)?.buttonList.buttons?.[0]?.text),
  };
}

function discord(body: Json): PreviewMessage {
  const embed: Json = body.embeds?.[0] ?? {};
  const fields: PreviewField[] = (embed.fields ?? []).map((f: Json) => ({ label: String(f.name), value: String(f.value) }));
  const link = fields.find((f) => mdLabel(f.value) === f.label);
  return {
    kind: "card",
    title: str(embed.title) ?? "",
    summary: str(embed.description),
    fields: fields.filter((f) => f !== link),
    linkLabel: link?.label,
  };
}

/** Dooray: the text, then each attachment's title and text, in the order they arrive. */
function dooray(body: Json): PreviewMessage {
  const parts: string[] = [String(body.text ?? "")];
  for (const a of body.attachments ?? []) parts.push(...[str(a.title), str(a.text)].filter((t) => t !== undefined));
  return { kind: "text", text: parts.join("\n\n") };
}

const CARD_READERS: Partial<Record<MessengerId, (body: Json) => PreviewMessage>> = {
  slack,
  mattermost,
  jandi,
  teams,
  googlechat,
  discord,
  dooray,
};

/** What the messenger receives, for display; never the address it goes to. */
export function readOutbound(messenger: MessengerId, out: OutboundRequest | OutboundMail): PreviewMessage {
  if (out.kind === "mail") return { kind: "text", subject: out.subject, text: out.text };
  const reader = CARD_READERS[messenger];
  if (out.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
    return { kind: "text", text: new URLSearchParams(out.body).get("content") ?? "" };
  }
  const body: Json = JSON.parse(out.body);
  // Hiworks and Agit: `{text}`, the plain-text alert (lib/messengers/plain-text.ts).
  return reader ? reader(body) : { kind: "text", text: String(body.text ?? "") };
}
