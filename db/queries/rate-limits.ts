import { getDb } from "../client";
import { prepared } from "../prepared";

/**
 * Counts one hit for `key` in the current fixed window and returns the count so far. One
 * UPSERT, so processes sharing the database file share the limit.
 */
export function hitRateLimit(key: string, windowMs: number, now: number): { count: number; resetAt: number } {
  const windowStart = now - (now % windowMs);
  const row = prepared(getDb(), "hitRateLimit", (db) =>
    db.$client.prepare(
      `insert into rate_limits (key, window_start, count) values (?, ?, 1)
       on conflict(key) do update set
         count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
         window_start = excluded.window_start
       returning count`,
    ),
  ).get(key, windowStart) as { count: number };
  return { count: row.count, resetAt: windowStart + windowMs };
}
