import type { AlertContext, TestAlert } from "@/lib/alerts/types";
import type { MessengerId } from "@/lib/messengers/ids";
import { getMessenger } from "@/lib/messengers/registry";
import type { DestinationConfig } from "@/lib/messengers/types";
import { attemptDelivery } from "./attempt";
import { hintFor } from "./hints";

export interface TestSendResult {
  ok: boolean;
  /** what `httpStatus` is: an HTTP status, or an SMTP reply code (이메일) */
  protocol: "http" | "smtp";
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  latencyMs: number;
  /** key under "test.hints.*" */
  hint: string | null;
}

/** 테스트 전송: the same adapter and sender as real alerts, without the queue. */
export async function sendTestMessage(messenger: MessengerId, config: DestinationConfig, ctx: AlertContext): Promise<TestSendResult> {
  const alert: TestAlert = { kind: "test", occurredAt: Date.now(), destinationName: config.name };
  const { outcome, httpStatus, latencyMs } = await attemptDelivery(messenger, alert, config, ctx);
  return {
    ok: outcome.kind === "delivered",
    protocol: getMessenger(messenger).meta.fields.address === "recipients" ? "smtp" : "http",
    httpStatus,
    code: outcome.kind === "delivered" ? null : (outcome.code ?? null),
    message: outcome.kind === "delivered" ? null : (outcome.message?.slice(0, 300) ?? null),
    latencyMs,
    hint: hintFor(messenger, outcome, httpStatus),
  };
}
