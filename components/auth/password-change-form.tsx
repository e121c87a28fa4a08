"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePassword } from "@/app/(console)/settings/password/actions";
import { TextField } from "@/components/ui/text-field";
import type { PasswordChangeState } from "@/lib/auth/schemas";

export function PasswordChangeForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(changePassword, {} as PasswordChangeState);
  const fieldError = (key?: string) => (key ? t(`auth.errors.${key}` as "auth.errors.passwordRequired") : undefined);
  return (
    // A fresh form after each answer: typed passwords are never put back into the page.
    <form action={action} noValidate key={state.done ? "done" : "form"}>
      {state.done ? (
        <p className="notice notice-success" role="status">
          {t("passwordChange.done")}
        </p>
      ) : null}
      {state.formError ? (
        <p className="notice notice-error" role="status">
          {t(state.formError as "passwordChange.sessionExpired", { seconds: state.retryAfterSeconds ?? 0 })}
        </p>
      ) : null}
      <TextField id="current" name="current" type="password" autoComplete="current-password" required
        label={t("passwordChange.current")} error={fieldError(state.fieldErrors?.current)} />
      <TextField id="password" name="password" type="password" autoComplete="new-password" required
        label={t("passwordChange.new")} hint={t("auth.setup.passwordHint")} error={fieldError(state.fieldErrors?.password)} />
      <TextField id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" required
        label={t("passwordChange.confirm")} error={fieldError(state.fieldErrors?.passwordConfirm)} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t("passwordChange.submitting") : t("passwordChange.submit")}
      </button>
    </form>
  );
}
