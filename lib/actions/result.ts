import type { z } from "zod";

// The one answer every console server action gives. Client-safe (types and a tiny helper):
// forms import the types; messages are i18n keys that the client translates.

/** Field name → the first message key for it (the schema's own key, e.g. "url.host"). */
export type FieldErrors = Partial<Record<string, string>>;

export type ActionFailure = {
  ok: false;
  fieldErrors: FieldErrors;
  /** a full i18n key (e.g. "destinations.notFound") about the whole form */
  formError?: string;
  /** values for the formError message, e.g. { seconds: 42 } */
  formErrorValues?: Record<string, string | number>;
};

export type ActionSuccess<T> = { ok: true } & (T extends object ? T : unknown);

export type ActionResult<T = void> = ActionSuccess<T> | ActionFailure;

/** What a handler returns when it cannot do what was asked; bad input never throws. */
export function fail(formError?: string, fieldErrors: FieldErrors = {}): ActionFailure {
  return formError === undefined ? { ok: false, fieldErrors } : { ok: false, fieldErrors, formError };
}

/** The first message per top-level field; zod issue messages are i18n keys by convention. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== undefined) fieldErrors[String(field)] ??= issue.message;
  }
  return fieldErrors;
}

export function isFailure(value: unknown): value is ActionFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}
