import type { Alert, AlertContext } from "@/lib/alerts/types";
import type { MessengerId } from "./ids";

/** A saved (or about-to-be-tested) destination as adapters see it. */
export interface DestinationConfig {
  name: string;
  webhookUrl: string;
  /** Messengers whose form shows 채널 (meta.fields.channel); empty means "the webhook's own channel". */
  channel?: string | null;
  /** Messengers whose form shows 토픽; a label the admin keeps, never sent (the topic is fixed by the webhook). */
  topic?: string | null;
  /** 사내망 주소 허용 (meta.capabilities.privateNetwork): the admin allowed a private-network server */
  allowPrivateNetwork?: boolean;
}

/** The exact HTTP request a messenger expects. Always POST; the sender adds User-Agent. */
export interface OutboundRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** What came back, as the sender read it (body already bounded, header names lower-case). */
export interface MessengerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Outcome =
  /** `quietMs`: the messenger asked for this long before the next post (Discord's empty bucket) */
  | { kind: "delivered"; status: number; quietMs?: number }
  | { kind: "retry"; status?: number; retryAfterMs?: number; code?: string; message?: string }
  | { kind: "permanent"; status: number; code?: string; message?: string };

/** Pure: no I/O. The sender in lib/delivery owns fetch, timeouts and retries. */
export interface Adapter<Id extends MessengerId = MessengerId> {
  id: Id;
  buildRequest(alert: Alert, config: DestinationConfig, ctx: AlertContext): OutboundRequest;
  /** `now` (epoch ms) lets an HTTP-date Retry-After become a delay. */
  classify(response: MessengerResponse, now: number): Outcome;
}
