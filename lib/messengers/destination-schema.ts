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
  enabled: z.boolean(),
};

/**
 * The form's address field: a Webhook URL, or 받는 사람 for 이메일. Either way the value is the
 * destination's secret and leaves the schema as `webhookUrl` (stored encrypted in one column),
 * so saving, keeping the saved value, test receipts and key rotation treat both alike.
 */
export interface AddressRule {
  /** the form field (its error lands under it) */
  field: "webhookUrl" | "recipients";
  /** the full message key of the first problem (e.g. "url.host"), or null */
  problem: (value: string, opts: UrlValidationOptions & { allowPrivate: boolean }) => string | null;
  /** the stored form of an accepted value (e.g. addresses lower-cased, one ", " between) */
  normalize?: (value: string) => string;
}

export function webhookAddress(rule: WebhookUrlRule): AddressRule {
  return {
    field: "webhookUrl",
    problem: (value, opts) => {
      const problem = webhookUrlProblem(value, rule, opts);
      return problem ? `url.${problem}` : null;
    },
  };
}

/**
 * One config schema per messenger: the shared fields plus the messenger's own, and the address
 * checked against the messenger's rule. Used by the server actions for 저장 and 테스트 전송.
 */
export function makeDestinationSchema<Extra extends z.ZodRawShape>(rule: AddressRule | WebhookUrlRule, extra: Extra) {
  const address = "field" in rule ? rule : webhookAddress(rule);
  return (opts: UrlValidationOptions) =>
    z
      .object({ ...baseShape, [address.field]: z.string().trim(), ...extra })
      .superRefine((parsed, ctx) => {
        // The generic spread hides the base fields from TypeScript; they are always there.
        const value = parsed as Record<string, unknown> & { id: string; allowPrivateNetwork?: boolean };
        const raw = value[address.field] as string;
        const keepSaved = value.id !== "" && raw === "";
        if (keepSaved) return;
        const problem = address.problem(raw, { ...opts, allowPrivate: value.allowPrivateNetwork === true });
        if (problem) ctx.addIssue({ code: "custom", path: [address.field], message: problem });
      })
      .transform((parsed) => {
        const { [address.field]: raw, ...rest } = parsed as Record<string, unknown>;
        const text = raw as string;
        return { ...rest, webhookUrl: text && address.normalize ? address.normalize(text) : text };
      });
}
