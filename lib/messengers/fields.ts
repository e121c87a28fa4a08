// What the destination form holds. Which of the optional fields a messenger shows is in its
// meta (lib/messengers/<id>/meta.ts, collected in meta.ts); the zod schemas stay on the server.

export type DestinationFormValues = {
  id: string;
  name: string;
  webhookUrl: string;
  enabled: boolean;
  channel?: string;
  topic?: string;
  allowPrivateNetwork?: boolean;
};
