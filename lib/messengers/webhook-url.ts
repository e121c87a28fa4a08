// Webhook URL rules shared by every messenger's definition. Server-side: the destination form is
// validated by its server actions (the browser only shows the answers), and the address check
// uses node:net (lib/net/ip-ranges.ts). `maskWebhookUrl` alone also serves the page render.
// Returns message keys (translated at the edge under "validation.url.*"), never wording.

import { restrictedKind } from "@/lib/net/ip-ranges";

export const MAX_WEBHOOK_URL_LENGTH = 500;

export interface WebhookUrlRule {
  /** exact host names; "any" for self-hosted messengers (Mattermost) */
  hosts: readonly string[] | "any";
  /** whether plain http is acceptable (self-hosted only) */
  allowHttp: boolean;
  /** the whole pathname must match */
  path: RegExp;
  /** paths refused with their own explanation, checked before `path` */
  refused?: readonly { path: RegExp; key: string }[];
}

export interface UrlValidationOptions {
  /** ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1: http://127.0.0.1:PORT or localhost with the path shape */
  allowLoopback: boolean;
  /** 사내망 주소 허용 (Mattermost only): private and CGNAT addresses, never cloud metadata ones */
  allowPrivate?: boolean;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);

/** The message key of the first problem with `raw`, or null when it is acceptable. */
export function webhookUrlProblem(raw: string, rule: WebhookUrlRule, opts: UrlValidationOptions): string | null {
  const value = raw.trim();
  if (value === "") return "required";
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return "tooLong";
  // The URL parser silently drops tabs/newlines and encodes spaces; a pasted URL with
  // whitespace inside is almost certainly two things glued together.
  if (/\s/.test(value) || value.includes("\\")) return "invalid";

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalid";
  // `https://hooks.slack.com@evil.example/…` parses with evil.example as host; refuse any userinfo.
  if (url.username !== "" || url.password !== "" || value.includes("@")) return "credentials";

  const loopback = opts.allowLoopback && LOOPBACK_HOSTS.has(url.hostname) && url.protocol === "http:";
  if (!loopback) {
    if (url.protocol === "http:" && !rule.allowHttp) return "https";
    if (rule.hosts !== "any") {
      if (!rule.hosts.includes(url.hostname)) return "host";
      if (url.port !== "") return "host";
    }
  }
  const internal = internalAddressProblem(url.hostname, opts);
  if (internal) return internal;
  if (url.search !== "" || url.hash !== "") return "path";
  for (const refused of rule.refused ?? []) {
    if (refused.path.test(url.pathname)) return refused.key;
  }
  if (!rule.path.test(url.pathname)) return "path";
  return null;
}

/**
 * Literal internal addresses are refused when saved; host names cannot be judged here and are
 * checked on every address DNS returns at send time (literals are checked there again too).
 * The URL parser has already turned odd spellings such as `2130706433`, `0x7f.1` or `127.1`
 * into 127.0.0.1, so they cannot slip through. Cloud metadata, link-local, multicast and
 * reserved addresses are refused even with 사내망 주소 허용.
 */
function internalAddressProblem(hostname: string, opts: UrlValidationOptions): string | null {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const kind = host === "localhost" || host.endsWith(".localhost") ? "loopback" : restrictedKind(host);
  if (kind === null) return null;
  if (kind === "loopback") return opts.allowLoopback ? null : "private";
  if (kind === "private" || kind === "cgnat") return opts.allowPrivate ? null : "private";
  return "internal";
}

/** Shown in lists: host kept (so the admin recognises it), the secret path reduced to its last 4 characters. */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const tail = url.pathname.replace(/\/+$/, "").slice(-4);
    return `${url.protocol}//${url.host}/…/…${tail}`;
  } catch {
    return "…";
  }
}
