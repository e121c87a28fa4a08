import { fitLength, safeLinkTarget } from "@/lib/alerts/escape";
import type { AlertView } from "@/lib/alerts/render";
import { discordEscape, fieldText } from "../cards/escape";
import { buildFitting, jsonRequest } from "../cards/view";
import { bodyAsMessage, classifyResponse, parseJson } from "../classify";
import type { Adapter, MessengerResponse, Outcome } from "../types";

// Discord channel webhook: one embed, no `content`, and `allowed_mentions: {parse: []}` on every
// request, so nothing can ping even if a mention slipped through. `?wait=true` makes Discord
// answer with the created message (or a real error) instead of an empty 204.

/** Discord's embed limits (docs/messengers.md); over any of them the post fails with 50035. */
export const EMBED_LIMITS = { title: 256, description: 4_096, fields: 25, name: 256, value: 1_024, footer: 2_048, total: 6_000 };

interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

const field = (name: string, value: string, inline?: boolean): Field => ({
  name: fitLength(name, EMBED_LIMITS.name),
  // Empty values are refused; a cut value ends in "…", so a dangling "\" escapes only that.
  value: fitLength(value || "-", EMBED_LIMITS.value),
  ...(inline ? { inline } : {}),
});
const mdLink = (label: string, url: string) => `[${label}](${safeLinkTarget(url)})`;

function embed(view: AlertView, timestamp: string) {
  const fields = view.fields.map((f) => field(f.label, fieldText(f, discordEscape), true));
  if (view.message) fields.push(field(view.labels.message, discordEscape(view.message)));
  for (const [i, item] of (view.items ?? []).entries()) {
    fields.push(field(`${i + 1}`, `${discordEscape(item.text)} · ${mdLink(view.labels.open, item.url)}`));
  }
  if (view.more) fields.push(field("…", view.more));
  const link = view.link ? mdLink(view.link.label, view.link.url) : "";
  if (view.link && link.length <= EMBED_LIMITS.value) fields.push(field(view.link.label, link));
  return {
    title: fitLength(view.title, EMBED_LIMITS.title),
    ...(view.link ? { url: safeLinkTarget(view.link.url) } : {}),
    description: fitLength(discordEscape(view.summary), EMBED_LIMITS.description),
    color: Number.parseInt(view.color.slice(1), 16),
    fields: fields.slice(0, EMBED_LIMITS.fields),
    timestamp,
    footer: { text: view.brand },
  };
}

type Embed = ReturnType<typeof embed>;
const embedLength = (e: Embed) =>
  [e.title, e.description, e.footer.text, ...e.fields.flatMap((f) => [f.name, f.value])].reduce((n, s) => n + s.length, 0);

/** `?wait=true` added to (or replacing `wait` in) the admin's query; thread_id is kept. */
function withWait(webhookUrl: string): string {
  try {
    const url = new URL(webhookUrl);
    url.searchParams.set("wait", "true");
    return url.toString();
  } catch {
    return webhookUrl;
  }
}

/** Seconds (decimals allowed) as milliseconds, or undefined. */
const seconds = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 && n < 86_400 ? Math.ceil(n * 1000) : undefined;
};

/** Errors are `{"message","code"}`; the numeric code (10015, 50027 …) is kept as a string. */
function readError(res: MessengerResponse) {
  const json = parseJson(res.body);
  if (!json || (typeof json.code !== "number" && typeof json.message !== "string")) return bodyAsMessage(res);
  return {
    ...(typeof json.code === "number" && json.code !== 0 ? { code: String(json.code) } : {}),
    ...(typeof json.message === "string" ? { message: fitLength(json.message, 500) } : {}),
  };
}

/**
 * How long to wait after a *delivered* post before the next one to this webhook: Discord says so
 * in its headers (X-RateLimit-Remaining 0 → X-RateLimit-Reset-After seconds). Reported as the
 * delivered outcome's `quietMs`, which lib/delivery/settle.ts adds to the destination's pace.
 */
export function discordQuietMs(res: MessengerResponse): number | undefined {
  return res.headers["x-ratelimit-remaining"]?.trim() === "0" ? seconds(res.headers["x-ratelimit-reset-after"]) : undefined;
}

export const discordAdapter = {
  id: "discord" as const,
  buildRequest(alert, config, ctx) {
    const timestamp = new Date(alert.occurredAt).toISOString();
    const e = buildFitting(
      alert,
      ctx,
      (view) => embed(view, timestamp),
      (built) => embedLength(built) <= EMBED_LIMITS.total,
    );
    return jsonRequest(withWait(config.webhookUrl), { username: e.footer.text, allowed_mentions: { parse: [] }, embeds: [e] });
  },
  classify(res, now): Outcome {
    const outcome = classifyResponse(res, now, readError);
    if (outcome.kind === "delivered") {
      const quietMs = discordQuietMs(res);
      return quietMs === undefined ? outcome : { ...outcome, quietMs };
    }
    if (outcome.kind !== "retry" || res.status !== 429) return outcome;
    // 429: `retry_after` in the body is seconds as a float; then X-RateLimit-Reset-After, then Retry-After.
    const wait = seconds(parseJson(res.body)?.retry_after) ?? seconds(res.headers["x-ratelimit-reset-after"]);
    return wait === undefined ? outcome : { ...outcome, retryAfterMs: wait };
  },
} satisfies Omit<Adapter, "id"> & { id: "discord" };
