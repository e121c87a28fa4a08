import type { Pace } from "@/lib/messengers/definition";
import type { MessengerId } from "@/lib/messengers/ids";

import { messengers } from "@/lib/messengers/registry";

// How fast each messenger accepts posts to one webhook: its definition's `pace`
// (lib/messengers/<id>/index.ts). Pacing is per destination, with GCRA: a send may go when
// tat - (burst - 1) × interval ≤ now.
export function paceOf(messenger: MessengerId): Pace {
  return messengers[messenger].pace;
}

export function paceAllows(messenger: MessengerId, tat: number, now: number): boolean {
  const { intervalMs, burst } = paceOf(messenger);
  return tat - (burst - 1) * intervalMs <= now;
}

/** The first moment `paceAllows` is true for a destination whose pace stands at `tat`. */
export function paceAllowedAt(messenger: MessengerId, tat: number): number {
  const { intervalMs, burst } = paceOf(messenger);
  return tat - (burst - 1) * intervalMs;
}

/** The pace to store so that a destination may send again no earlier than `notBefore`. */
export function tatNotBefore(messenger: MessengerId, notBefore: number): number {
  const { intervalMs, burst } = paceOf(messenger);
  return notBefore + (burst - 1) * intervalMs;
}

export function nextTat(messenger: MessengerId, tat: number, now: number): number {
  return Math.max(tat, now) + paceOf(messenger).intervalMs;
}

/**
 * The pace rules as the queue needs them (db/queries/deliveries' `PaceRules`): the SQL layer
 * stores each destination's pace, these decide it.
 */
export const paceRules = {
  allowedAt: paceAllowedAt,
  afterSend: nextTat,
} as const;
