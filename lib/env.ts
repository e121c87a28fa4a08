import path from "node:path";

// All environment reading lives here so defaults are documented in one place (see README).

export function dataDir(): string {
  // The data directory is chosen at run time; tell Turbopack not to trace the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "./data");
}

export function databasePath(): string {
  return path.join(dataDir(), "alimi.db");
}

export function port(): number {
  const value = Number(process.env.PORT);
  return Number.isInteger(value) && value > 0 ? value : 3000;
}

export function appBaseUrl(): string {
  return (process.env.APP_BASE_URL || `http://localhost:${port()}`).replace(/\/+$/, "");
}

/** Secure cookies only make sense when the console is served over https. */
export function secureCookies(): boolean {
  return appBaseUrl().startsWith("https://");
}

export function allowLoopbackWebhooks(): boolean {
  return process.env.ALERTS_ALLOW_LOOPBACK_WEBHOOKS === "1";
}

export function initialAdmin(): { email: string; password: string } | null {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  return email && password ? { email, password } : null;
}

/** Alerts (and their delivery log) are kept this many days. */
export function retentionDays(): number {
  const value = Number(process.env.ALERTS_RETENTION_DAYS);
  return Number.isFinite(value) && value > 0 ? value : 30;
}

/** The console shows dates in Asia/Seoul, which has no daylight saving: a fixed offset is exact. */
export const TIME_ZONE_OFFSET = "+09:00";

/** Dispatch requests allowed per API key per second (ALERTS_API_RATE_LIMIT); 0 turns it off. */
export function apiRateLimitPerSecond(): number {
  const value = Number(process.env.ALERTS_API_RATE_LIMIT);
  return Number.isInteger(value) && value >= 0 ? value : 200;
}
