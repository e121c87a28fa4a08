import { z } from "zod";
import { MAX_NAME_LENGTH } from "../destination-schema";
import type { UrlValidationOptions } from "../webhook-url";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "../webhook-url";

// Webhook URLs whose query is part of the secret (Teams' signed `sig`, Google Chat's `key` and
// `token`) or whose host is a family of subdomains (Teams). lib/messengers/webhook-url.ts refuses
// every query and matches exact hosts only, so these rules add what it cannot express and leave
// every other check (whitespace, userinfo, https, loopback, internal addresses) to it.
// Returns message keys under "validation.url.*", like webhookUrlProblem.

export interface QueryUrlRule {
  /** exact host names, or suffixes starting with "." (one or more whole labels before them) */
  hosts: readonly string[];
  /** the whole pathname must match */
  path: RegExp;
  /** refused before anything else, with their own explanation (e.g. retired URL families) */
  refused?: readonly { test: (url: URL) => boolean; key: string }[];
  /** paths refused with their own explanation, checked before `path` */
  refusedPaths?: readonly { path: RegExp; key: string }[];
  /** query parameters that must each appear exactly once, non-empty */
  requiredQuery: readonly string[];
  /** parameters that may appear (at most once); any other parameter is refused */
  optionalQuery?: readonly string[];
  /** the shape a parameter's value must have, when it is present */
  queryValues?: Readonly<Record<string, RegExp>>;
  /** the key for a missing, repeated, malformed or unknown query parameter */
  queryKey: string;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `host` is one of `hosts`: equal to an exact name, or whole DNS labels followed by a suffix.
 * Label by label, so `evil-logic.azure.com`, `logic.azure.com.evil.com` and `logic.azure.com`
 * itself never match `.logic.azure.com`.
 */
export function hostMatches(host: string, hosts: readonly string[]): boolean {
  return hosts.some((h) => {
    if (!h.startsWith(".")) return host === h;
    if (!host.endsWith(h)) return false;
    const labels = host.slice(0, -h.length).split(".");
    return labels.length > 0 && labels.every((l) => LABEL.test(l));
  });
}

export function queryUrlProblem(raw: string, rule: QueryUrlRule, opts: UrlValidationOptions): string | null {
  const value = raw.trim();
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // webhookUrlProblem names the problem below.
  }
  for (const refused of rule.refused ?? []) if (url && refused.test(url)) return refused.key;

  // Everything but the query goes through the shared rules ("any" host: checked below, by label).
  const cut = value.indexOf("?");
  const base = cut === -1 ? value : value.slice(0, cut);
  const shared = webhookUrlProblem(base, { hosts: "any", allowHttp: false, path: /^/ }, opts);
  if (shared || !url) return shared ?? "invalid";
  // The shared rules saw only the part before "?": the whole URL must pass their text checks too.
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return "tooLong";
  if (/\s/.test(value) || value.includes("\\")) return "invalid";

  const loopback = opts.allowLoopback && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (!loopback && (!hostMatches(url.hostname, rule.hosts) || url.port !== "")) return "host";
  if (url.hash !== "") return "path";
  for (const refused of rule.refusedPaths ?? []) if (refused.path.test(url.pathname)) return refused.key;
  if (!rule.path.test(url.pathname)) return "path";
  return queryProblem(url.searchParams, rule) ? rule.queryKey : null;
}

function queryProblem(params: URLSearchParams, rule: QueryUrlRule): boolean {
  const allowed = new Set([...rule.requiredQuery, ...(rule.optionalQuery ?? [])]);
  const names = [...params.keys()];
  if (names.some((n) => !allowed.has(n)) || new Set(names).size !== names.length) return true;
  if (rule.requiredQuery.some((n) => !params.get(n))) return true;
  return Object.entries(rule.queryValues ?? {}).some(([n, shape]) => params.has(n) && !shape.test(params.get(n) ?? ""));
}

/**
 * makeDestinationSchema (lib/messengers/destination-schema.ts) for a QueryUrlRule: the same
 * shared fields, no extra ones, and "keep the saved URL" when an existing destination's URL is
 * left empty.
 */
export function makeQueryDestinationSchema(rule: QueryUrlRule) {
  return (opts: UrlValidationOptions) =>
    z
      .object({
        id: z.string().max(64),
        name: z.string().trim().min(1, "name.required").max(MAX_NAME_LENGTH, "name.tooLong"),
        webhookUrl: z.string().trim(),
        enabled: z.boolean(),
      })
      .superRefine((value, ctx) => {
        if (value.id !== "" && value.webhookUrl === "") return;
        const problem = queryUrlProblem(value.webhookUrl, rule, opts);
        if (problem) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: `url.${problem}` });
      });
}
