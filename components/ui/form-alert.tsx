"use client";

import { useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/actions/result";

/**
 * Where a failed action says why, announced at once. The region is always in the page, so
 * screen readers notice the text that appears in it.
 */
export function FormAlert({ message, className = "notice notice-error", id }: { message: string | null; className?: string; id?: string }) {
  return (
    <div role="alert" id={id}>
      {message ? <p className={className}>{message}</p> : null}
    </div>
  );
}

/** The sentence for a failed action's answer (its formError, an i18n key). */
export function useFailureMessage() {
  const t = useTranslations();
  return (failure: Pick<ActionFailure, "formError">) => t((failure.formError ?? "form.unexpected") as "form.unexpected");
}
