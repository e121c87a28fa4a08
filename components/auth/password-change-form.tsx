"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePassword } from "@/app/(console)/settings/password/actions";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions/result";

type State = ActionResult | null;

export function PasswordChangeForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(
    async (_prev: State, formData: FormData): Promise<State> =>
      changePassword({
        current: formData.get("current"),
        password: formData.get("password"),
        passwordConfirm: formData.get("passwordConfirm"),
      }),
    null,
  );
  const failure = state && !state.ok ? state : null;
  const fieldError = (key?: string) => (key ? t(`auth.errors.${key}` as "auth.errors.passwordRequired") : undefined);
  return (
    // A fresh form after each answer: typed passwords are never put back into the page.
    <form action={action} noValidate key={state?.ok ? "done" : "form"}>
      {state?.ok ? (
        <p className="notice notice-success" role="status">
          {t("passwordChange.done")}
        </p>
      ) : null}
      {failure?.formError ? (
        <p className="notice notice-error" role="alert">
          {t(failure.formError as "form.sessionExpired", { seconds: 0, ...failure.formErrorValues })}
        </p>
      ) : null}
      <TextField
        id="current"
        name="current"
        type="password"
        autoComplete="current-password"
        required
        label={t("passwordChange.current")}
        error={fieldError(failure?.fieldErrors.current)}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("passwordChange.new")}
        hint={t("auth.setup.passwordHint")}
        error={fieldError(failure?.fieldErrors.password)}
      />
      <TextField
        id="passwordConfirm"
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        label={t("passwordChange.confirm")}
        error={fieldError(failure?.fieldErrors.passwordConfirm)}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t("passwordChange.submitting") : t("passwordChange.submit")}
      </button>
    </form>
  );
}
