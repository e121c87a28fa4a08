import "server-only";
import { insertAuditEvent } from "@/db/queries/audit";
import { clientAddressFromHeaders } from "@/lib/http/client-address";

// 감사 기록. Callers pass names and ids only — never a webhook URL, key, token or password —
// and the detail is a short, fixed vocabulary (e.g. "enabled=false"), never free-form input.

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "auth.setup"
  | "auth.password_change"
  | "destination.create"
  | "destination.update"
  | "destination.delete"
  | "destination.enable"
  | "destination.disable"
  | "destination.test"
  | "destination.resume"
  | "destination.discard"
  | "destination.paused"
  | "api_key.create"
  | "api_key.revoke"
  | "settings.update"
  | "failure_alert.update"
  | "delivery.resend"
  | "user.invite"
  | "user.remove";

export interface AuditTarget {
  type: "destination" | "api_key" | "settings" | "user" | "delivery";
  id?: string | number | null;
  name?: string | null;
}

async function requestAddress(actor: string | null): Promise<string | null> {
  // No actor means the delivery worker, outside any request. Loaded on use: the production
  // server (lib/server/) bundles the worker and must not load Next's request scope before Next.
  if (actor === null) return null;
  try {
    const { headers } = await import("next/headers");
    // The address the production server resolved (never X-Forwarded-For as the client wrote it).
    return clientAddressFromHeaders(await headers());
  } catch {
    return null; // outside a request
  }
}

export async function audit(actor: string | null, action: AuditAction, target?: AuditTarget, detail?: string) {
  insertAuditEvent({
    at: Date.now(),
    actor,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id === undefined || target?.id === null ? null : String(target.id),
    targetName: target?.name?.slice(0, 100) ?? null,
    address: await requestAddress(actor),
    detail: detail?.slice(0, 300) ?? null,
  });
}
