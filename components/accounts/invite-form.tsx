"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { inviteUser } from "@/app/(console)/settings/accounts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export function InviteForm() {
  const t = useTranslations();
  const { formRef, fieldErrors, formError, formData, begin, settle, onInput } = useActionForm();
  const [invited, setInvited] = useState<{ email: string; password: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      {invited ? (
        <div className="key-once" role="status">
          <strong>{t("accounts.invited", { email: invited.email })}</strong>
          <code data-testid="one-time-password">{invited.password}</code>
          <span className="hint">{t("accounts.onlyOnce")}</span>
        </div>
      ) : null}
      <form
        ref={formRef}
        onInput={onInput}
        noValidate
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          begin();
          setInvited(null);
          const data = formData();
          startTransition(async () => {
            const result = await inviteUser({ email: data.get("email"), role: data.get("role") });
            if (!settle(result)) return;
            setInvited({ email: result.email, password: result.password });
            formRef.current?.reset();
          });
        }}
      >
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={t("accounts.email")}
          required
          error={fieldErrors.email ? t(`auth.errors.${fieldErrors.email}` as "auth.errors.emailInvalid") : undefined}
        />
        <div className="field">
          <label htmlFor="invite-role">{t("accounts.role")}</label>
          <select id="invite-role" name="role" className="select" defaultValue="viewer">
            <option value="viewer">{t("accounts.roles.viewer")}</option>
            <option value="admin">{t("accounts.roles.admin")}</option>
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("accounts.invite")}
        </button>
      </form>
      <FormAlert message={formError ? t(formError as "form.unexpected") : null} />
    </>
  );
}
