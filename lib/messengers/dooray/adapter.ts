import { fitLength, safeLinkTarget } from "@/lib/alerts/escape";
import type { AlertView } from "@/lib/alerts/render";
import { doorayEscape, fieldText, quoteImitations } from "../cards/escape";
import { buildFitting, jsonRequest } from "../cards/view";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter, MessengerResponse, Outcome } from "../types";

// Dooray! incoming hook: `botName`, `text` and `attachments[{title, titleLink, text, color}]`.
// Dooray renders Markdown, so customer text sits only in attachment texts, escaped; titles,
// links and the bot name are ours.

/** Decisions (no published limits): at most 10 attachments, the whole body under 16 KB. */
export const DOORAY_LIMITS = { attachments: 10, bytes: 16 * 1024 };

const mdLink = (label: string, url: string) => `[${label}](${safeLinkTarget(url)})`;

function payload(view: AlertView) {
  const esc = (text: string) => doorayEscape(quoteImitations(text));
  const facts = view.fields.map((f) => `${f.label}: ${fieldText(f, esc)}`).join("\n");
  const lines = [`${view.title} · ${esc(view.summary)}`];
  const attachments: object[] = [];
  if (view.items) {
    // A digest: one attachment per conversation; its time, remainder and delivery-log link go in
    // `text` (our words and our link only), so ten conversations fit ten attachments.
    lines.push(facts, [view.more, view.link ? mdLink(view.link.label, view.link.url) : undefined].filter(Boolean).join(" · "));
    for (const item of view.items) attachments.push({ title: view.labels.open, titleLink: safeLinkTarget(item.url), text: esc(item.text) });
  } else {
    const link = view.link ? { title: view.link.label, titleLink: safeLinkTarget(view.link.url) } : {};
    attachments.push({ ...link, color: view.color, text: facts });
    if (view.message) attachments.push({ text: esc(view.message) });
  }
  return { botName: view.brand, text: lines.filter(Boolean).join("\n"), attachments };
}

const fits = (body: ReturnType<typeof payload>) =>
  body.attachments.length <= DOORAY_LIMITS.attachments && Buffer.byteLength(JSON.stringify(body)) <= DOORAY_LIMITS.bytes;

/** NHN's envelope `{"header":{"isSuccessful","resultCode","resultMessage"}}`, when the body is one. */
function header(res: MessengerResponse) {
  const h = parseJson(res.body)?.header as { isSuccessful?: unknown; resultCode?: unknown; resultMessage?: unknown } | undefined;
  return h && typeof h === "object" ? h : undefined;
}

function readError(res: MessengerResponse) {
  const h = header(res);
  if (!h || (h.resultCode === undefined && typeof h.resultMessage !== "string")) return bodyAsMessage(res);
  return {
    ...(typeof h.resultCode === "number" || typeof h.resultCode === "string" ? { code: String(h.resultCode) } : {}),
    ...(typeof h.resultMessage === "string" && h.resultMessage ? { message: fitLength(h.resultMessage, 500) } : {}),
  };
}

/**
 * The code given to a refusal whose words read like a dead hook ("Invalid incoming hook", "not
 * found", deleted …): Dooray's own codes are undocumented, so its definition pauses on this one.
 */
export const DOORAY_INVALID_HOOK = "invalid_hook";
const REVOKED_WORDS = /invalid\s+(incoming\s+)?hook|not\s+found|deleted|disabled|revoked|unauthori[sz]ed|삭제|존재하지|없는/i;

function named(outcome: Outcome): Outcome {
  if (outcome.kind !== "permanent" || !outcome.message || !REVOKED_WORDS.test(outcome.message)) return outcome;
  return { ...outcome, code: DOORAY_INVALID_HOOK };
}

export const doorayAdapter = {
  id: "dooray" as const,
  buildRequest(alert, config, ctx) {
    const body = buildFitting(alert, ctx, payload, fits);
    return jsonRequest(config.webhookUrl, body);
  },
  classify(res, now): Outcome {
    const outcome = classifyResponse(res, now, readError);
    // Decision (docs): a 2xx whose envelope says isSuccessful:false did not post. Dooray refused
    // this request as it is, so it is permanent, and pauses when it reads like a dead hook.
    if (outcome.kind === "delivered" && header(res)?.isSuccessful === false) {
      return named({ kind: "permanent", status: res.status, ...readError(res) });
    }
    return named(outcome);
  },
} satisfies Omit<Adapter, "id"> & { id: "dooray" };
