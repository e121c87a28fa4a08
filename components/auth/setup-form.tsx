"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createFirstAdmin } from "@/app/(auth)/setup/actions";
import { TextField } from "@/components/ui/text-field";
import type { AuthFormState } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";

export function SetupForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(createFirstAdmin, {} as AuthFormState);
  const fieldError = (key?: string) => (key ? t(`errors.${key}` as "errors.emailInvalid") : undefined);
  return (
    <form action={action} noValidate>
      {state.formError ? (
        <p className="notice notice-error" role="status">
          {t(state.formError as "setup.done")} <a href="/login">{t("login.submit")}</a>
        </p>
      ) : null}
      <EmailField label={t("email")} defaultValue={state.email} error={fieldError(state.fieldErrors?.email)} />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("password")}
        hint={t("setup.passwordHint")}
        error={fieldError(state.fieldErrors?.password)}
      />
      <TextField
        id="passwordConfirm"
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        required
        label={t("setup.passwordConfirm")}
        error={fieldError(state.fieldErrors?.passwordConfirm)}
      />
      <button type="submit" className="btn btn-primary" disabled={pending} style={{ width: "100%" }}>
        {t("setup.submit")}
      </button>
    </form>
  );
}
