import type { Outcome } from "../types";

// What each messenger's definition will tell lib/delivery: which permanent answers pause the
// destination (자동 중지), its pace, hints per code, capabilities, badge and guide. Plain data, so
// the registry can derive its tables from it once the messengers are wired in.

export interface PausePolicy {
  /** vendor codes (Outcome.code) that mean the URL or its credentials no longer work */
  codes: readonly string[];
  statuses: readonly number[];
  /** permanent answers whose message reads like a revoked hook (Dooray!: undocumented codes) */
  message?: RegExp;
}

/** Redirects are never followed; 401/403/404/410 mean the webhook is gone or refused (as lib/delivery/health.ts). */
export const SHARED_PAUSE_STATUSES = [301, 302, 303, 307, 308, 401, 403, 404, 410] as const;

export function pausesDestination(policy: PausePolicy, outcome: Outcome): boolean {
  if (outcome.kind !== "permanent") return false;
  if (outcome.code !== undefined && policy.codes.includes(outcome.code)) return true;
  if (policy.statuses.includes(outcome.status)) return true;
  return policy.message !== undefined && outcome.message !== undefined && policy.message.test(outcome.message);
}

export interface MessengerMeta {
  /** GCRA pace (lib/delivery/pacing.ts): one send per `intervalMs`, up to `burst` at once */
  pace: { intervalMs: number; burst: number };
  /**
   * When the service's quota is wider than one webhook (Google Chat: per space), the key that
   * destinations sharing a quota share; they must then share one pace. Absent: per destination.
   */
  paceKey?: (webhookUrl: string) => string | null;
  pause: PausePolicy;
  /** Outcome.code → key under "test.hints.*" (codes not listed fall back to the status hints) */
  hints: Readonly<Record<string, string>>;
  capabilities: {
    /** how the messenger mentions people, or null; Alimi never sends mentions */
    mentions: string | null;
    /** follow-ups of one conversation stay in one thread */
    threads: boolean;
    /** 사내망 주소 허용 makes sense (self-hosted) */
    privateNetwork: boolean;
  };
  /** list badge: background and text colours (contrast ≥ 4.5:1) */
  badge: { background: string; color: string };
  guide: {
    /** how many numbered steps "guides.<id>.steps" has (texts in messages.*.json) */
    steps: number;
    /** official pages the guide links to; `<link>` in a step opens the first */
    links: readonly string[];
  };
}
