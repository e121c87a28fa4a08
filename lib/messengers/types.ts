import type { Alert, AlertContext } from "@/lib/alerts/types";
import type { MessengerId } from "./ids";

/** A saved (or about-to-be-tested) destination as adapters see it. */
export interface DestinationConfig {
  name: string;
  /**
   * Where alerts go, the destination's one secret: the webhook URL, or for 이메일 the 받는 사람
   * list ("a@x.kr, b@y.kr"; meta.fields.address). Stored encrypted either way.
   */
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
  kind?: "http";
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/**
 * One e-mail (이메일): the adapter writes it; lib/delivery/smtp.ts adds From (the workspace's
 * 이메일 서버 setting) and sends it over SMTP.
 */
export interface OutboundMail {
  kind: "mail";
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Messengers whose adapter writes mail rather than HTTP requests. */
export type MailMessengerId = Extract<MessengerId, "email">;
/** Messengers that post to a webhook over HTTP: every one but 이메일. */
export type WebhookMessengerId = Exclude<MessengerId, MailMessengerId>;
/** What a messenger's adapter builds: mail for 이메일, an HTTP request for every other. */
export type OutboundMessage<Id extends MessengerId = MessengerId> = Id extends MailMessengerId ? OutboundMail : OutboundRequest;

/**
 * What came back, as the sender read it (body already bounded, header names lower-case). Over
 * SMTP: `status` is the server's reply code (250, 451, 550), `body` its reply line, and
 * `headers["smtp-command"]` the command it answered (e.g. "RCPT TO", "AUTH PLAIN").
 */
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
export interface Adapter<Id extends MessengerId = MessengerId, Out extends OutboundMail | OutboundRequest = OutboundMessage<Id>> {
  id: Id;
  buildRequest(alert: Alert, config: DestinationConfig, ctx: AlertContext): Out;
  /** `now` (epoch ms) lets an HTTP-date Retry-After become a delay. */
  classify(response: MessengerResponse, now: number): Outcome;
}
