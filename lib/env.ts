import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (README › Configuration lists the same names). Values are
// validated once, at start, so a typo such as ALERTS_RETRY_SCALE=fast stops the server with a
// clear message instead of silently running with a default nobody chose.

const positiveNumber = (name: string) =>
  z.coerce.number({ error: `${name} must be a number` }).refine((v) => Number.isFinite(v) && v > 0, `${name} must be greater than 0`);
const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

/** TRUST_PROXY: how many reverse proxies stand in front (a hop count), or which addresses they use (CIDRs). */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "cidrs"; cidrs: { address: string; prefix: number; family: "ipv4" | "ipv6" }[] };

function parseTrustProxy(text: string | undefined, ctx: z.RefinementCtx): TrustProxy {
  const value = text?.trim() ?? "";
  if (value === "" || value === "0" || value === "false") return { kind: "none" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return { kind: "hops", hops };
  }
  const cidrs: Extract<TrustProxy, { kind: "cidrs" }>["cidrs"] = [];
  for (const part of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address, prefixText] = part.split("/");
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    // An IPv4-mapped range (::ffff:a.b.c.d/n) is compared as IPv4, which needs n ≥ 96.
    const mappedTooWide = family === 6 && /^::ffff:\d/i.test(address) && prefix < 96;
    if (
      family === 0 ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > max ||
      mappedTooWide ||
      (prefixText !== undefined && !/^\d+$/.test(prefixText))
    ) {
      ctx.addIssue({
        code: "custom",
        message: `TRUST_PROXY: "${part}" is neither a hop count (0–10) nor an IP address or CIDR such as 10.0.0.0/8`,
      });
      return { kind: "none" };
    }
    cidrs.push({ address, prefix, family: family === 6 ? "ipv6" : "ipv4" });
  }
  return { kind: "cidrs", cidrs };
}

const envSchema = z
  .object({
    PORT: wholeNumber("PORT", 1, 65_535).default(3000),
    HOST: z.string().trim().optional(),
    DATA_DIR: z.string().trim().default("./data"),
    APP_BASE_URL: z
      .url({ protocol: /^https?$/, error: "APP_BASE_URL must be an http(s) URL such as https://alimi.example.com" })
      .optional(),
    ADMIN_EMAIL: z.string().trim().optional(),
    ADMIN_PASSWORD: z.string().optional(),
    ALERTS_ALLOW_LOOPBACK_WEBHOOKS: z.enum(["", "0", "1"], { error: "ALERTS_ALLOW_LOOPBACK_WEBHOOKS must be 1 or unset" }).default(""),
    ALERTS_RETRY_SCALE: positiveNumber("ALERTS_RETRY_SCALE")
      .refine((v) => v <= 1, "ALERTS_RETRY_SCALE must be at most 1")
      .default(1),
    ALERTS_RETRY_MAX_HOURS: positiveNumber("ALERTS_RETRY_MAX_HOURS").default(24),
    ALERTS_ATTEMPT_TIMEOUT_MS: wholeNumber("ALERTS_ATTEMPT_TIMEOUT_MS", 1, 10_000).default(10_000),
    ALERTS_RETENTION_DAYS: positiveNumber("ALERTS_RETENTION_DAYS").default(30),
    ALERTS_API_RATE_LIMIT: wholeNumber("ALERTS_API_RATE_LIMIT", 0).default(200),
    ALIMI_SECRET_KEY: z.string().optional(),
    /** only for `npm run secrets -- rotate` with ALIMI_SECRET_KEY set */
    ALIMI_NEW_SECRET_KEY: z.string().optional(),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => parseTrustProxy(value, ctx)),
  })
  .superRefine((env, ctx) => {
    // The first admin: both or neither, and only what the setup page would accept.
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together" });
    } else if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      if (!z.email().safeParse(env.ADMIN_EMAIL).success) ctx.addIssue({ code: "custom", message: "ADMIN_EMAIL must be an e-mail address" });
      if (env.ADMIN_PASSWORD.length < 10 || env.ADMIN_PASSWORD.length > 200) {
        ctx.addIssue({ code: "custom", message: "ADMIN_PASSWORD must be 10 to 200 characters" });
      }
    }
  })
  .transform((env) => {
    const port = env.PORT;
    const appBaseUrl = (env.APP_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, "");
    return {
      port,
      host: env.HOST || undefined,
      dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "./data"),
      appBaseUrl,
      /** Decided once: secure cookies, HSTS and upgrade-insecure-requests all follow it. */
      https: appBaseUrl.startsWith("https://"),
      initialAdmin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
      allowLoopbackWebhooks: env.ALERTS_ALLOW_LOOPBACK_WEBHOOKS === "1",
      retryScale: env.ALERTS_RETRY_SCALE,
      /** Alerts keep retrying for this long, and a destination failing this long is paused (scaled). */
      maxRetryAgeMs: env.ALERTS_RETRY_MAX_HOURS * 3_600_000 * env.ALERTS_RETRY_SCALE,
      attemptTimeoutMs: env.ALERTS_ATTEMPT_TIMEOUT_MS,
      retentionDays: env.ALERTS_RETENTION_DAYS,
      apiRateLimitPerSecond: env.ALERTS_API_RATE_LIMIT,
      secretKey: env.ALIMI_SECRET_KEY || undefined,
      newSecretKey: env.ALIMI_NEW_SECRET_KEY || undefined,
      trustProxy: env.TRUST_PROXY,
    };
  });

export type Config = z.output<typeof envSchema>;

/** Thrown when the environment is invalid; its message lists every problem, one per line. */
export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in a shell's VAR= or a compose file's blank line.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
  throw new ConfigError(`invalid configuration:\n${[...new Set(lines)].join("\n")}`);
}

const holder = globalThis as unknown as { __alimiConfig?: Config };

/** The validated configuration, read from process.env on first use. */
export function config(): Config {
  holder.__alimiConfig ??= parseConfig(process.env);
  return holder.__alimiConfig;
}

/** Tests that change process.env call this so the next config() reads it again. */
export function reloadConfig(): Config {
  holder.__alimiConfig = undefined;
  return config();
}

// Short accessors, so call sites read as before.
export const dataDir = () => config().dataDir;
export const databasePath = () => path.join(config().dataDir, "alimi.db");
export const port = () => config().port;
export const appBaseUrl = () => config().appBaseUrl;
export const secureCookies = () => config().https;
export const allowLoopbackWebhooks = () => config().allowLoopbackWebhooks;
export const initialAdmin = () => config().initialAdmin;
export const retentionDays = () => config().retentionDays;
export const apiRateLimitPerSecond = () => config().apiRateLimitPerSecond;
