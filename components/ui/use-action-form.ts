"use client";

import { type FormEvent, useRef, useState } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";

// The console's one form approach: a plain form, validated by the server action's zod schema.
// The action answers field errors (schema message keys); this hook shows them in place, moves
// focus to the first invalid field, and clears a field's error as soon as it is edited.
// No validation library ships to the browser (see "Forms" in the README).

export function useActionForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** The form's current values, as the browser would post them. */
  const formData = () => new FormData(formRef.current ?? undefined);

  /** Before sending: the last answer's message about the whole form goes. */
  const begin = () => setFormError(null);

  /** Records an action's answer; true when it worked. */
  const settle = <R extends ActionResult<unknown>>(result: R): result is Extract<R, { ok: true }> => {
    if (result.ok) {
      setFieldErrors({});
      return true;
    }
    setFieldErrors(result.fieldErrors);
    setFormError(result.formError ?? null);
    // The first invalid field in page order, not in the order the server listed them.
    const fields = Array.from(formRef.current?.elements ?? []) as HTMLInputElement[];
    fields.find((field) => field.name && result.fieldErrors[field.name])?.focus();
    return false;
  };

  /** Editing a field takes its error away: the next submit judges it again. */
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name && fieldErrors[name]) setFieldErrors(({ [name]: _, ...rest }) => rest);
  };

  return { formRef, fieldErrors, formError, formData, begin, settle, onInput };
}
