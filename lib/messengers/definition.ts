import type { z } from "zod";
import type messages from "@/messages/ko.json";
import type { AddressRule } from "./destination-schema";
import type { DestinationFormValues } from "./fields";
import type { MessengerId } from "./ids";
import type { Adapter } from "./types";
import type { UrlValidationOptions, WebhookUrlRule } from "./webhook-url";

// The shape of one messenger's definition, in two halves so the browser gets only its own:
// `MessengerMeta` (client-safe data: form fields, capabilities, badge, guide link), written in
// lib/messengers/<id>/meta.ts, and `MessengerDefinition` (server: URL rule and zod schema,
// the pure adapter, pace, error meanings), written in lib/messengers/<id>/index.ts. This file
// imports types only, so the destination form can import `defineMeta` without zod.

/** A key under "form.*" (e.g. the hint under 채널). */
export type FormMessageKey = keyof (typeof messages)["form"];
/** A key under "test.hints.*": the one-line fix shown by 테스트 전송, the banner and 개요. */
export type HintKey = keyof (typeof messages)["test"]["hints"];

export interface MessengerMeta<Id extends MessengerId = MessengerId> {
  id: Id;
  /** The form's optional fields, beside 이름, Webhook URL and 사용. */
  fields: {
    /**
     * Where alerts go: a Webhook URL (the default), or "recipients" for 받는 사람 (이메일) — one
     * or more addresses, stored where the URL is (encrypted) and masked the same way.
     */
    address?: "recipients";
    /** 채널 (a channel override the webhook accepts), with the hint shown under it; null: no 채널 field */
    channel: { hint: FormMessageKey } | null;
    /** 토픽: a required label the admin keeps (the webhook itself is bound to one topic) */
    topic: boolean;
  };
  capabilities: {
    /** Text can turn into mentions (@all, <!channel>): its adapter must break them. */
    mentions: boolean;
    /** Self-hosted, may live on an intranet: the form offers 사내망 주소 허용. */
    privateNetwork: boolean;
    /** Follow-ups can be threaded under the first post. */
    threads: boolean;
  };
  /** Its badge in lists (applied inline: globals.css has no per-messenger rule). */
  badge: { background: string; color: string };
  /** Its line in 개요's latency chart. */
  chartColor: string;
  guide: {
    /** Where the guide's `<link>` tag points (messages: guides.<id>.steps), when a step has one. */
    link?: string;
  };
}

/** Client-safe: keeps the literal id, so registries can check each entry sits under its own id. */
export function defineMeta<const Id extends MessengerId>(meta: MessengerMeta<Id>): MessengerMeta<Id> {
  return meta;
}

/** GCRA pacing per destination: a send may go when tat - (burst - 1) × interval ≤ now. */
export interface Pace {
  intervalMs: number;
  burst: number;
}

/** What one of the messenger's own error codes means. */
export interface ErrorMeaning {
  /** the one-line fix, a key under "test.hints.*" */
  hint: HintKey;
  /** the destination itself is broken (revoked hook, archived channel): pause it (자동 중지) */
  pauses?: true;
}

export interface MessengerDefinition<Id extends MessengerId = MessengerId> {
  meta: MessengerMeta<Id>;
  /** Which webhook URLs it accepts (exact hosts, path shape, refused look-alikes); null for 이메일. */
  url: WebhookUrlRule | null;
  /** How the form's address field (Webhook URL or 받는 사람) is judged and stored. */
  address: AddressRule;
  /** 저장 and 테스트 전송 judge the form with this (built by defineMessenger from `url` and the fields). */
  configSchema: (opts: UrlValidationOptions) => z.ZodType<DestinationFormValues>;
  /** Pure: alert + config -> request; response -> outcome. */
  adapter: Adapter<Id>;
  pace: Pace;
  /** Its own error codes (as its adapter's classify reports them); unknown codes fall back to the HTTP status. */
  errors: Readonly<Record<string, ErrorMeaning>>;
}
