import type { DestinationRow } from "@/db/queries/destinations";
import { maskWebhookUrl } from "@/lib/messengers/webhook-url";

/** What the browser may see of a destination: everything but the whole webhook URL. */
export interface DestinationView {
  id: string;
  messenger: DestinationRow["messenger"];
  name: string;
  maskedUrl: string;
  channel: string | null;
  topic: string | null;
  enabled: boolean;
  allowPrivateNetwork: boolean;
  lastTest: { at: number; ok: boolean; status: number | null; code: string | null } | null;
  health: {
    pausedAt: number | null;
    pauseCode: string | null;
    pauseReason: string | null;
    consecutiveFailures: number;
    lastSuccessAt: number | null;
    lastFailureAt: number | null;
    lastFailureReason: string | null;
  };
}

export function toDestinationView(row: DestinationRow): DestinationView {
  return {
    id: row.id,
    messenger: row.messenger,
    name: row.name,
    maskedUrl: maskWebhookUrl(row.webhookUrl),
    channel: row.channel,
    topic: row.topic,
    enabled: row.enabled,
    allowPrivateNetwork: row.allowPrivateNetwork,
    lastTest:
      row.lastTestAt === null
        ? null
        : { at: row.lastTestAt, ok: row.lastTestOk ?? false, status: row.lastTestStatus, code: row.lastTestCode },
    health: {
      pausedAt: row.pausedAt,
      pauseCode: row.pauseCode,
      pauseReason: row.pauseReason,
      consecutiveFailures: row.consecutiveFailures,
      lastSuccessAt: row.lastSuccessAt,
      lastFailureAt: row.lastFailureAt,
      lastFailureReason: row.lastFailureReason,
    },
  };
}
