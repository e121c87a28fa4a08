"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { inviteUser, type InviteResult } from "@/app/(console)/settings/accounts/actions";
import { TextField } from "@/components/ui/text-field";

export function InviteForm() {
  const t = useTranslations();
  const [result, setResult] = useState<InviteResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      {result?.ok ? (
        <div className="key-once" role="status">
          <strong>{t("accounts.invited", { email: result.email })}</strong>
          <code data-testid="one-time-password">{result.password}</code>
          <span className="hint">{t("accounts.onlyOnce")}</span>
        </div>
      ) : null}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(async () => setResult(await inviteUser({ email: data.get("email"), role: data.get("role") })));
        }}
      >
        <TextField id="invite-email" name="email" type="email" label={t("accounts.email")} required
          error={result && !result.ok ? t(result.error as "form.unexpected") : undefined} />
        <div className="field">
          <label htmlFor="invite-role">{t("accounts.role")}</label>
          <select id="invite-role" name="role" className="select" defaultValue="viewer">
            <option value="viewer">{t("accounts.roles.viewer")}</option>
            <option value="admin">{t("accounts.roles.admin")}</option>
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>{t("accounts.invite")}</button>
      </form>
    </>
  );
}
