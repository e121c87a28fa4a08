import type { MessengerId } from "@/lib/messengers/ids";

// How fast each messenger accepts posts to one webhook (spec), in one table. Pacing is per
// destination, with GCRA: a send may go when tat - (burst - 1) × interval ≤ now.
// Slack: ~1/s per webhook and it may *hide* messages above that, so exactly one per interval,
// with a little slack for the network. Jandi: about 60/min. Mattermost limits only where the
// server turned its rate limiter on, whose default is 10/s per client (burst 100): stay at 10/s
// with a burst of 10, inside it. The rest document no limit; keep a conservative pace that a
// chat-alert workload never notices.
export const PACE: Record<MessengerId, { intervalMs: number; burst: number }> = {
  slack: { intervalMs: 1_050, burst: 1 },
  mattermost: { intervalMs: 100, burst: 10 },
  jandi: { intervalMs: 1_050, burst: 3 },
  hiworks: { intervalMs: 1_000, burst: 3 },
  agit: { intervalMs: 1_000, burst: 3 },
  teamroom: { intervalMs: 1_000, burst: 3 },
};

export function paceAllows(messenger: MessengerId, tat: number, now: number): boolean {
  const { intervalMs, burst } = PACE[messenger];
  return tat - (burst - 1) * intervalMs <= now;
}

/** The first moment `paceAllows` is true for a destination whose pace stands at `tat`. */
export function paceAllowedAt(messenger: MessengerId, tat: number): number {
  const { intervalMs, burst } = PACE[messenger];
  return tat - (burst - 1) * intervalMs;
}

/** The pace to store so that a destination may send again no earlier than `notBefore`. */
export function tatNotBefore(messenger: MessengerId, notBefore: number): number {
  const { intervalMs, burst } = PACE[messenger];
  return notBefore + (burst - 1) * intervalMs;
}

export function nextTat(messenger: MessengerId, tat: number, now: number): number {
  return Math.max(tat, now) + PACE[messenger].intervalMs;
}

/**
 * The pace rules as the queue needs them (db/queries/deliveries' `PaceRules`): the SQL layer
 * stores each destination's pace, these decide it.
 */
export const paceRules = {
  allowedAt: paceAllowedAt,
  afterSend: nextTat,
} as const;
