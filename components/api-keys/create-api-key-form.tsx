"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createApiKeyAction } from "@/app/(console)/settings/api-keys/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export function CreateApiKeyForm() {
  const t = useTranslations();
  const { formRef, fieldErrors, formError, formData, begin, settle, onInput } = useActionForm();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<{ key: string; signingSecret: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.key).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <>
      {created ? (
        <div className="key-once" role="status">
          <strong>{t("apiKeys.createdTitle")}</strong>
          <code data-testid="new-api-key">{created.key}</code>
          <span className="hint">{t("apiKeys.signingSecret")}</span>
          <code data-testid="new-signing-secret">{created.signingSecret}</code>
          <div className="form-actions">
            <button type="button" className="btn" onClick={copy}>
              {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
            </button>
            <span className="hint">{t("apiKeys.onlyOnce")}</span>
          </div>
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
          setCopied(false);
          const name = formData().get("name");
          startTransition(async () => {
            const result = await createApiKeyAction({ name });
            if (!settle(result)) return;
            setCreated({ key: result.key, signingSecret: result.signingSecret });
            formRef.current?.reset();
          });
        }}
      >
        <TextField
          id="apiKeyName"
          name="name"
          label={t("apiKeys.name")}
          type="text"
          placeholder={t("apiKeys.namePlaceholder")}
          error={fieldErrors.name ? t(`apiKeys.errors.${fieldErrors.name}` as "apiKeys.errors.required") : undefined}
        />
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("apiKeys.create")}
        </button>
      </form>
      <FormAlert message={formError ? t(formError as "form.unexpected") : null} />
    </>
  );
}
