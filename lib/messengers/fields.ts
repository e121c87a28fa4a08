import type { MessengerId } from "./ids";

// What the destination form holds and shows. Apart from the zod schemas (schemas.ts) on
// purpose: the form imports this in the browser, and the schemas stay on the server.

export type DestinationFormValues = {
  id: string;
  name: string;
  webhookUrl: string;
  enabled: boolean;
  channel?: string;
  topic?: string;
  allowPrivateNetwork?: boolean;
};

/** Which optional fields each messenger's form shows (the product's fields). */
export const messengerFields: Record<MessengerId, { channel: boolean; topic: boolean }> = {
  slack: { channel: true, topic: false },
  mattermost: { channel: true, topic: false },
  jandi: { channel: false, topic: true },
  hiworks: { channel: false, topic: false },
  agit: { channel: false, topic: false },
  teamroom: { channel: false, topic: false },
};
