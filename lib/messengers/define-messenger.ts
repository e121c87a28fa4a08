import { z } from "zod";
import type { ErrorMeaning, MessengerDefinition, MessengerMeta, Pace } from "./definition";
import { type AddressRule, makeDestinationSchema, webhookAddress } from "./destination-schema";
import type { MessengerId } from "./ids";
import type { Adapter } from "./types";
import type { WebhookUrlRule } from "./webhook-url";

// Server side of a messenger's definition (lib/messengers/<id>/index.ts). Builds the config
// schema from the URL rule and the fields the form shows, so the two cannot drift apart.

export interface MessengerInput<Id extends MessengerId> {
  meta: MessengerMeta<Id>;
  /** Webhook messengers: the URL rule. */
  url?: WebhookUrlRule;
  /** 이메일: the 받는 사람 rule instead (meta.fields.address = "recipients"). */
  recipients?: AddressRule;
  /** zod for the fields meta.fields shows; messages are keys under "validation.*" */
  fields?: { channel?: z.ZodType<string>; topic?: z.ZodType<string> };
  adapter: Adapter<Id>;
  pace: Pace;
  errors?: Readonly<Record<string, ErrorMeaning>>;
}

export function defineMessenger<const Id extends MessengerId>(input: MessengerInput<Id>): MessengerDefinition<Id> {
  const { meta, url, recipients, fields = {}, adapter, pace, errors = {} } = input;
  // The form shows a Webhook URL or 받는 사람, and exactly that rule must judge it.
  const wantsRecipients = meta.fields.address === "recipients";
  if ((wantsRecipients ? recipients?.field !== "recipients" : !url) || (url && recipients)) {
    throw new Error(`messenger ${meta.id}: meta.fields.address and the url/recipients rule disagree`);
  }
  const address = recipients ?? webhookAddress(url as WebhookUrlRule);
  // A field shown without a schema would be dropped by zod on 저장; a schema without the field
  // would judge a value nobody can type. Refuse either when the module loads (every test fails).
  if ((meta.fields.channel !== null) !== (fields.channel !== undefined) || meta.fields.topic !== (fields.topic !== undefined)) {
    throw new Error(`messenger ${meta.id}: meta.fields and the field schemas disagree`);
  }
  if (adapter.id !== meta.id) throw new Error(`messenger ${meta.id}: adapter id ${adapter.id}`);
  const shape = {
    ...(fields.channel ? { channel: fields.channel } : {}),
    ...(fields.topic ? { topic: fields.topic } : {}),
    ...(meta.capabilities.privateNetwork ? { allowPrivateNetwork: z.boolean() } : {}),
  };
  // The optional spreads hide the field types from TypeScript; each is a string (or boolean) schema.
  const configSchema = makeDestinationSchema(address, shape) as unknown as MessengerDefinition<Id>["configSchema"];
  return { meta, url: url ?? null, address, configSchema, adapter, pace, errors };
}
