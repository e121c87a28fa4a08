// What the destination form holds. Which of the optional fields a messenger shows is in its
// meta (lib/messengers/<id>/meta.ts, collected in meta.ts); the zod schemas stay on the server.

export type DestinationFormValues = {
  id: string;
  name: string;
  webhookUrl: string;
  /** 이메일's 받는 사람 as typed (meta.fields.address); its schema hands it on as `webhookUrl` */
  recipients?: string;
  enabled: boolean;
  channel?: string;
  topic?: string;
  allowPrivateNetwork?: boolean;
};
