"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signIn } from "@/app/(auth)/login/actions";
import { TextField } from "@/components/ui/text-field";
import type { AuthFormState } from "@/lib/auth/schemas";
import { EmailField } from "./email-field";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signIn, {} as AuthFormState);
  const fieldError = (key?: string) => (key ? t(`errors.${key}` as "errors.emailInvalid") : undefined);
  return (
    <form action={action} noValidate>
      {state.formError ? (
        <p className="notice notice-error" id="form-error" role="status">
          {t(state.formError as "login.invalid", { seconds: state.retryAfterSeconds ?? 0 })}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <EmailField label={t("email")} defaultValue={state.email} error={fieldError(state.fieldErrors?.email)} />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t("password")}
        error={fieldError(state.fieldErrors?.password)}
      />
      <button type="submit" className="btn btn-primary" disabled={pending} style={{ width: "100%" }}>
        {t("login.submit")}
      </button>
    </form>
  );
}
