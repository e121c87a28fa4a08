import { getSmtpSettings } from "@/db/queries/smtp-settings";
import type { Alert, AlertContext } from "@/lib/alerts/types";
import { allowLoopbackWebhooks } from "@/lib/env";
import type { MessengerId } from "@/lib/messengers/ids";
import { getMessenger } from "@/lib/messengers/registry";
import type { DestinationConfig, Outcome } from "@/lib/messengers/types";
import { send } from "./send";
import { sendMail } from "./smtp";

export interface AttemptResult {
  outcome: Outcome;
  /** the service's status: the HTTP status, or for 이메일 the SMTP reply code (250, 451, 550) */
  httpStatus: number | null;
  bodySnippet: string | null;
  latencyMs: number;
}

const SNIPPET_LENGTH = 500;

/**
 * One try: the messenger's adapter builds the request (or mail), the sender for its transport
 * (send.ts over HTTP, smtp.ts over SMTP) delivers it, the adapter reads the answer.
 */
export async function attemptDelivery(
  messenger: MessengerId,
  alert: Alert,
  config: DestinationConfig,
  ctx: AlertContext,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const { adapter, meta } = getMessenger(messenger);
  // 사내망 주소 허용 counts only for a messenger that offers it (a self-hosted one).
  const allowPrivate = meta.capabilities.privateNetwork && config.allowPrivateNetwork === true;
  const policy = { allowLoopback: allowLoopbackWebhooks(), allowPrivate };
  const message = adapter.buildRequest(alert, config, ctx);
  const result =
    message.kind === "mail"
      ? await sendMail(message, getSmtpSettings(), { signal, allowLoopback: policy.allowLoopback })
      : await send(message, { signal, policy });
  if (result.kind === "network") {
    return { outcome: result.outcome, httpStatus: null, bodySnippet: null, latencyMs: result.latencyMs };
  }
  return {
    outcome: adapter.classify(result.response, Date.now()),
    httpStatus: result.response.status,
    bodySnippet: result.response.body.slice(0, SNIPPET_LENGTH) || null,
    latencyMs: result.latencyMs,
  };
}
