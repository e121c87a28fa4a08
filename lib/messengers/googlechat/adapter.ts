import { createHash } from "node:crypto";
import { fitLength, safeLinkTarget } from "@/lib/alerts/escape";
import type { AlertView } from "@/lib/alerts/render";
import type { Alert } from "@/lib/alerts/types";
import { fieldText, googleChatHtml, googleChatTextEscape } from "../cards/escape";
import { buildFitting, jsonRequest } from "../cards/view";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter, MessengerResponse } from "../types";

// Google Chat space webhook: `text` (the notification) plus one cardsV2 card. Customer text goes
// only into card fields, HTML-escaped (cards render a small HTML subset); `text` holds our words
// and the summary with Chat's own syntax broken. Follow-ups of one conversation share a thread.

/** A message, text and cards together, is at most 32,000 bytes (docs/messengers.md). */
export const GOOGLE_CHAT_MAX_BYTES = 32_000;
const TEXT_MAX = 4_096;
export const REPLY_OPTION = "messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";

const button = (text: string, url: string) => ({ text, onClick: { openLink: { url: safeLinkTarget(url) } } });

/**
 * One thread per conversation: `alimi-{session id}` when the id is a plain token, otherwise a hash
 * of it (any character is allowed in an id; two ids must never share a key by sanitising).
 */
export function threadKeyOf(alert: Alert): string | null {
  if (alert.kind !== "event") return null;
  const id = alert.session.id;
  if (/^[A-Za-z0-9_-]{1,200}$/.test(id)) return `alimi-${id}`;
  return `alimi-h-${createHash("sha256").update(id, "utf8").digest("base64url").slice(0, 32)}`;
}

function body(view: AlertView, threadKey: string | null) {
  const main: object[] = [
    { textParagraph: { text: googleChatHtml(view.summary) } },
    ...view.fields.map((f) => ({ decoratedText: { topLabel: f.label, text: fieldText(f, googleChatHtml) } })),
  ];
  if (view.message) main.push({ decoratedText: { topLabel: view.labels.message, text: googleChatHtml(view.message), wrapText: true } });
  // A digest: one section per conversation, each with its own button, then the remainder.
  const sections = [{ widgets: main }];
  for (const item of view.items ?? []) {
    sections.push({
      widgets: [{ decoratedText: { text: googleChatHtml(item.text), wrapText: true, button: button(view.labels.open, item.url) } }],
    });
  }
  const last: object[] = view.items ? [] : main;
  if (view.more) last.push({ textParagraph: { text: googleChatHtml(view.more) } });
  if (view.link) last.push({ buttonList: { buttons: [button(view.link.label, view.link.url)] } });
  if (last !== main && last.length > 0) sections.push({ widgets: last });
  return {
    text: fitLength(`${view.title} · ${googleChatTextEscape(view.summary)}`, TEXT_MAX),
    cardsV2: [{ cardId: "alimi-alert", card: { header: { title: view.title, subtitle: view.brand }, sections } }],
    ...(threadKey ? { thread: { threadKey } } : {}),
  };
}

/** Google APIs errors: `{"error":{"code","message","status","details"}}`; a details reason (API_KEY_INVALID) is more precise than the status. */
function readError(res: MessengerResponse) {
  const error = parseJson(res.body)?.error as { status?: unknown; message?: unknown; details?: unknown } | undefined;
  if (!error || typeof error.status !== "string") return bodyAsMessage(res);
  const reasons = Array.isArray(error.details)
    ? error.details.map((d: { reason?: unknown }) => d?.reason).filter((r) => typeof r === "string")
    : [];
  return {
    code: (reasons[0] as string | undefined) ?? error.status,
    ...(typeof error.message === "string" ? { message: fitLength(error.message, 500) } : {}),
  };
}

export const googleChatAdapter = {
  id: "googlechat" as const,
  buildRequest(alert, config, ctx) {
    const threadKey = threadKeyOf(alert);
    const payload = buildFitting(
      alert,
      ctx,
      (view) => body(view, threadKey),
      (b) => Buffer.byteLength(JSON.stringify(b)) <= GOOGLE_CHAT_MAX_BYTES,
    );
    // The key is sent in the body (the threadKey query parameter is deprecated); the reply option
    // is appended to the admin's query, which is kept exactly as pasted.
    const url = threadKey ? `${config.webhookUrl}${config.webhookUrl.includes("?") ? "&" : "?"}${REPLY_OPTION}` : config.webhookUrl;
    return jsonRequest(url, payload, "application/json; charset=UTF-8");
  },
  classify: (res, now) => classifyResponse(res, now, readError),
} satisfies Omit<Adapter, "id"> & { id: "googlechat" };
