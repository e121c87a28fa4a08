import type { DestinationRow } from "@/db/queries/destinations";
import { maskRecipients } from "@/lib/messengers/email/recipients";
import { messengerMeta } from "@/lib/messengers/meta";
import { maskWebhookUrl } from "@/lib/messengers/webhook-url";
import { type Routing, readRouting } from "./routing";

/** What the browser may see of a destination: everything but the whole webhook URL. */
export interface DestinationView {
  id: string;
  messenger: DestinationRow["messenger"];
  name: string;
  /** the Webhook URL's host and last 4 characters, or for 이메일 the first recipient masked (h***@example.com) */
  maskedUrl: string;
  /** 이메일: how many recipients besides the one shown ("외 1명"); 0 otherwise */
  moreRecipients: number;
  channel: string | null;
  topic: string | null;
  enabled: boolean;
  allowPrivateNetwork: boolean;
  /** 받을 알림 */
  routing: Routing;
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
    ...maskedAddress(row),
    channel: row.channel,
    topic: row.topic,
    enabled: row.enabled,
    allowPrivateNetwork: row.allowPrivateNetwork,
    routing: readRouting(row.routing),
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

/** What the list and the form may show of the destination's secret address. */
function maskedAddress(row: DestinationRow): { maskedUrl: string; moreRecipients: number } {
  if (messengerMeta[row.messenger].fields.address === "recipients") {
    const { first, more } = maskRecipients(row.webhookUrl);
    return { maskedUrl: first, moreRecipients: more };
  }
  return { maskedUrl: maskWebhookUrl(row.webhookUrl), moreRecipients: 0 };
}
