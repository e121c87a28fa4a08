import type { Alert, AlertContext } from "@/lib/alerts/types";
import { getAdapter } from "@/lib/messengers/registry";
import type { MessengerId } from "@/lib/messengers/ids";
import type { DestinationConfig, Outcome } from "@/lib/messengers/types";
import { allowLoopbackWebhooks } from "@/lib/env";
import { send } from "./send";

export interface AttemptResult {
  outcome: Outcome;
  httpStatus: number | null;
  bodySnippet: string | null;
  latencyMs: number;
}

const SNIPPET_LENGTH = 500;

/** One try: the messenger's adapter builds the request, the sender posts it, the adapter reads the answer. */
export async function attemptDelivery(
  messenger: MessengerId,
  alert: Alert,
  config: DestinationConfig,
  ctx: AlertContext,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  const adapter = getAdapter(messenger);
  const policy = { allowLoopback: allowLoopbackWebhooks(), allowPrivate: messenger === "mattermost" && config.allowPrivateNetwork === true };
  const result = await send(adapter.buildRequest(alert, config, ctx), { signal, policy });
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
