import { fitLength, safeLinkTarget } from "@/lib/alerts/escape";
import type { AlertView } from "@/lib/alerts/render";
import { fieldText, teamsEscape } from "../cards/escape";
import { buildFitting, jsonRequest } from "../cards/view";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter, MessengerResponse } from "../types";

// Teams through a Workflows webhook: the message envelope with one Adaptive Card 1.4 (what the
// template posts, and what Teams mobile renders). The trigger answers 202 before the flow runs, so
// a card the flow cannot post fails silently: the envelope is pinned by the tests.

/** Over 28 KB the post fails (docs/messengers.md). */
export const TEAMS_MAX_BYTES = 28 * 1024;
const RATE_LIMIT_DEFAULT_MS = 30_000;

const textBlock = (text: string, extra: object = {}) => ({ type: "TextBlock", text, wrap: true, ...extra });

function card(view: AlertView) {
  const body: object[] = [
    textBlock(view.title, { weight: "Bolder", size: "Medium" }),
    textBlock(teamsEscape(view.summary)),
    { type: "FactSet", facts: view.fields.map((f) => ({ title: f.label, value: fieldText(f, teamsEscape) })) },
  ];
  if (view.message) body.push(textBlock(view.labels.message, { weight: "Bolder", separator: true }), textBlock(teamsEscape(view.message)));
  for (const item of view.items ?? []) {
    body.push(textBlock(`${teamsEscape(item.text)} [${view.labels.open}](${safeLinkTarget(item.url)})`, { separator: true }));
  }
  if (view.more) body.push(textBlock(view.more, { isSubtle: true }));
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    msteams: { width: "Full" },
    body,
    // Customer text never reaches an action: our label, our link.
    ...(view.link ? { actions: [{ type: "Action.OpenUrl", title: view.link.label, url: safeLinkTarget(view.link.url) }] } : {}),
  };
}

const envelope = (view: AlertView) => ({
  type: "message",
  attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card(view) }],
});

/** Power Automate / Logic Apps errors: `{"error":{"code","message"}}`. */
function readError(res: MessengerResponse) {
  const error = parseJson(res.body)?.error as { code?: unknown; message?: unknown } | undefined;
  if (typeof error?.code !== "string") return bodyAsMessage(res);
  return { code: error.code, ...(typeof error.message === "string" ? { message: fitLength(error.message, 500) } : {}) };
}

export const teamsAdapter = {
  id: "teams" as const,
  buildRequest(alert, config, ctx) {
    const body = buildFitting(alert, ctx, envelope, (b) => Buffer.byteLength(JSON.stringify(b)) <= TEAMS_MAX_BYTES);
    return jsonRequest(config.webhookUrl, body);
  },
  classify(res, now) {
    const outcome = classifyResponse(res, now, readError);
    // Power Automate throttles without always saying for how long: back off 30 s (docs).
    if (outcome.kind === "retry" && res.status === 429 && outcome.retryAfterMs === undefined) {
      return { ...outcome, retryAfterMs: RATE_LIMIT_DEFAULT_MS };
    }
    return outcome;
  },
} satisfies Omit<Adapter, "id"> & { id: "teams" };
