"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { createApiKeyAction } from "@/app/(console)/settings/api-keys/actions";
import { TextField } from "@/components/ui/text-field";
import { apiKeyNameSchema } from "@/lib/settings/schema";

export function CreateApiKeyForm() {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<string | null>(null);
  const [signing, setSigning] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ name: string }>({
    resolver: zodResolver(apiKeyNameSchema) as unknown as Resolver<{ name: string }>,
    defaultValues: { name: "" },
  });
  const nameError = form.formState.errors.name?.message;

  const onSubmit = form.handleSubmit((values) => {
    setError(null);
    setCopied(false);
    startTransition(async () => {
      const result = await createApiKeyAction(values);
      if (result.ok) {
        setCreated(result.key);
        setSigning(result.signingSecret);
        form.reset({ name: "" });
      } else setError(result.error);
    });
  });

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <>
      {created ? (
        <div className="key-once" role="status">
          <strong>{t("apiKeys.createdTitle")}</strong>
          <code data-testid="new-api-key">{created}</code>
          <span className="hint">{t("apiKeys.signingSecret")}</span>
          <code data-testid="new-signing-secret">{signing}</code>
          <div className="form-actions">
            <button type="button" className="btn" onClick={copy}>
              {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
            </button>
            <span className="hint">{t("apiKeys.onlyOnce")}</span>
          </div>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <TextField id="apiKeyName" label={t("apiKeys.name")} type="text" placeholder={t("apiKeys.namePlaceholder")}
          error={nameError ? t(`apiKeys.errors.${nameError}` as "apiKeys.errors.required") : undefined}
          {...form.register("name")} />
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("apiKeys.create")}
        </button>
      </form>
      {error ? <p className="error">{t(error as "form.unexpected")}</p> : null}
    </>
  );
}
