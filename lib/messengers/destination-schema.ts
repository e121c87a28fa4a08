import { z } from "zod";
import { type UrlValidationOptions, type WebhookUrlRule, webhookUrlProblem } from "./webhook-url";

// Messages are keys under "validation.*" in messages/*.json: the server action returns them
// as field errors and the form translates them, so this file stays wording-free. It runs on
// the server only (the form is validated by its actions, not by zod in the browser).

export const MAX_NAME_LENGTH = 50;

const baseShape = {
  /** "" for a new destination; an existing id means "keep the saved URL unless a new one is typed" */
  id: z.string().max(64),
  name: z.string().trim().min(1, "name.required").max(MAX_NAME_LENGTH, "name.tooLong"),
  webhookUrl: z.string().trim(),
  enabled: z.boolean(),
};

/**
 * One config schema per messenger: the shared fields plus the messenger's own, and the URL
 * checked against the messenger's rule. Used by the server actions for 저장 and 테스트 전송.
 */
export function makeDestinationSchema<Extra extends z.ZodRawShape>(rule: WebhookUrlRule, extra: Extra) {
  return (opts: UrlValidationOptions) =>
    z.object({ ...baseShape, ...extra }).superRefine((parsed, ctx) => {
      // The generic spread hides the base fields from TypeScript; they are always there.
      const value = parsed as { id: string; webhookUrl: string; allowPrivateNetwork?: boolean };
      const keepSaved = value.id !== "" && value.webhookUrl === "";
      if (keepSaved) return;
      const problem = webhookUrlProblem(value.webhookUrl, rule, { ...opts, allowPrivate: value.allowPrivateNetwork === true });
      if (problem) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: `url.${problem}` });
    });
}
