// Webhook URL rules shared by every messenger's definition. Server-side: the destination form is
// validated by its server actions (the browser only shows the answers), and the address check
// uses node:net (lib/net/ip-ranges.ts). `maskWebhookUrl` alone also serves the page render.
// Returns message keys (translated at the edge under "validation.url.*"), never wording.

import { restrictedKind } from "@/lib/net/ip-ranges";

export const MAX_WEBHOOK_URL_LENGTH = 500;

export interface WebhookUrlRule {
  /**
   * Host names: exact ("hooks.slack.com"), or a suffix starting with "." that matches one or more
   * whole DNS labels before it (".logic.azure.com" takes prod-12.koreacentral.logic.azure.com,
   * never evil-logic.azure.com nor logic.azure.com itself). "any" for self-hosted messengers.
   */
  hosts: readonly string[] | "any";
  /** whether plain http is acceptable (self-hosted only) */
  allowHttp: boolean;
  /** the whole pathname must match */
  path: RegExp;
  /**
   * Refused with their own explanation: `path` ones are checked before `path`; `url` ones test the
   * whole URL first of all, for retired URL families on other hosts (Teams' Office 365 connectors).
   */
  refused?: readonly ({ path: RegExp; key: string } | { url: (url: URL) => boolean; key: string })[];
  /** The query the URL must carry (absent: none at all). Unknown or repeated parameters are refused. */
  query?: QueryRule;
}

export interface QueryRule {
  /** parameters that must each appear exactly once, non-empty */
  required?: readonly string[];
  /** parameters that may appear, at most once */
  optional?: readonly string[];
  /** the shape a parameter's value must have, when present */
  values?: Readonly<Record<string, RegExp>>;
  /** the message key for a missing, repeated, malformed or unknown parameter */
  key: string;
}

export interface UrlValidationOptions {
  /** ALERTS_ALLOW_LOOPBACK_WEBHOOKS=1: http://127.0.0.1:PORT or localhost with the path shape */
  allowLoopback: boolean;
  /** 사내망 주소 허용 (Mattermost only): private and CGNAT addresses, never cloud metadata ones */
  allowPrivate?: boolean;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** `host` is one of `hosts`: an exact name, or whole DNS labels followed by a "."-suffix. */
export function hostMatches(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => {
    if (!h.startsWith(".")) return host === h;
    if (!host.endsWith(h)) return false;
    const labels = host.slice(0, -h.length).split(".");
    return labels.every((l) => LABEL.test(l));
  });
}

/** Whether `params` is what `rule` asks for: known names only, each once, required ones non-empty. */
function queryFits(params: URLSearchParams, rule: QueryRule): boolean {
  const allowed = new Set([...(rule.required ?? []), ...(rule.optional ?? [])]);
  const names = [...params.keys()];
  if (names.some((n) => !allowed.has(n)) || new Set(names).size !== names.length) return false;
  if ((rule.required ?? []).some((n) => !params.get(n))) return false;
  return Object.entries(rule.values ?? {}).every(([n, shape]) => !params.has(n) || shape.test(params.get(n) ?? ""));
}

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
  // Retired URL families are named before anything else: their path may hold an "@" (Teams'
  // connector URLs do), and "this kind of URL no longer works" is the useful answer.
  for (const refused of rule.refused ?? []) if ("url" in refused && refused.url(url)) return refused.key;
  // `https://hooks.slack.com@evil.example/…` parses with evil.example as host; refuse any userinfo.
  if (url.username !== "" || url.password !== "" || value.includes("@")) return "credentials";

  const loopback = opts.allowLoopback && LOOPBACK_HOSTS.has(url.hostname) && url.protocol === "http:";
  if (!loopback) {
    if (url.protocol === "http:" && !rule.allowHttp) return "https";
    if (rule.hosts !== "any") {
      if (!hostMatches(url.hostname, rule.hosts)) return "host";
      if (url.port !== "") return "host";
    }
  }
  const internal = internalAddressProblem(url.hostname, opts);
  if (internal) return internal;
  if (url.hash !== "" || (url.search !== "" && !rule.query)) return "path";
  for (const refused of rule.refused ?? []) if ("path" in refused && refused.path.test(url.pathname)) return refused.key;
  if (!rule.path.test(url.pathname)) return "path";
  // A lone "?" leaves search empty: it is judged like no query at all.
  if (rule.query && !queryFits(url.searchParams, rule.query)) return rule.query.key;
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

/**
 * Shown in lists: host kept (so the admin recognises it), the secret reduced to its last 4
 * characters — the last path segment, or the last query value when the URL carries its secret
 * there (Teams' sig, Google Chat's token), so two destinations of one messenger look different.
 */
export function maskWebhookUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const secret = [...url.searchParams.values()].at(-1) || url.pathname.replace(/\/+$/, "");
    return `${url.protocol}//${url.host}/…/…${secret.slice(-4)}`;
  } catch {
    return "…";
  }
}
