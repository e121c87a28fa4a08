"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { saveDestination, sendTestAlert } from "@/app/(console)/settings/integrations/alerts/actions";
import { TextField } from "@/components/ui/text-field";
import type { TestSendResult } from "@/lib/delivery/test-send";
import type { DestinationView } from "@/lib/destinations/view";
import type { MessengerId } from "@/lib/messengers/ids";
import { type DestinationFormValues, configSchemas, messengerFields } from "@/lib/messengers/schemas";
import { DeleteDestinationButton } from "./delete-destination-button";
import { TestSendPanel } from "./test-send-panel";
import { useValidationMessage } from "./use-validation-message";

interface Props {
  messenger: MessengerId;
  /** ALERTS_ALLOW_LOOPBACK_WEBHOOKS, so the browser validates exactly like the server */
  allowLoopback: boolean;
  saved?: DestinationView;
  /** 뷰어: sees the form, changes nothing */
  readOnly?: boolean;
}

export function DestinationForm({ messenger, allowLoopback, saved, readOnly = false }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const message = useValidationMessage(messenger);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [testing, startTest] = useTransition();
  const [testResult, setTestResult] = useState<TestSendResult | null>(null);
  const fields = messengerFields[messenger];
  const schema = useMemo(() => configSchemas[messenger]({ allowLoopback }), [messenger, allowLoopback]);

  const form = useForm<DestinationFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<DestinationFormValues>,
    defaultValues: {
      id: saved?.id ?? "",
      name: saved?.name ?? t(`messengers.${messenger}.name`),
      webhookUrl: "",
      enabled: saved?.enabled ?? true,
      ...(fields.channel ? { channel: saved?.channel ?? "" } : {}),
      ...(fields.topic ? { topic: saved?.topic ?? "" } : {}),
      ...(messenger === "mattermost" ? { allowPrivateNetwork: saved?.allowPrivateNetwork ?? false } : {}),
    },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await saveDestination(messenger, values);
      if (result.ok) {
        router.push("/settings/integrations/alerts?saved=1");
        return;
      }
      showServerErrors(result);
    });
  });

  const showServerErrors = (result: { fieldErrors: Partial<Record<keyof DestinationFormValues, string>>; formError?: string }) => {
    for (const [field, key] of Object.entries(result.fieldErrors)) {
      form.setError(field as keyof DestinationFormValues, { message: key });
    }
    setFormError(result.formError ?? null);
  };

  // 테스트 전송 validates like 저장 (same schema) but sends instead of saving.
  const onTest = form.handleSubmit((values) => {
    setFormError(null);
    setTestResult(null);
    startTest(async () => {
      const result = await sendTestAlert(messenger, values);
      if (result.ok) setTestResult(result.result);
      else showServerErrors(result);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
      {formError ? (
        <p className="notice notice-error" id="form-error">
          {t(formError as "form.formError")}
        </p>
      ) : null}
      <TextField id="name" label={t("form.name")} hint={t("form.nameHint")} type="text" maxLength={80}
        error={message(errors.name?.message)} {...form.register("name")} />
      <TextField id="webhookUrl" label={t("form.webhookUrl")} type="url" inputMode="url" autoComplete="off"
        spellCheck={false} placeholder={t(`messengers.${messenger}.example`)}
        hint={saved ? `${t("form.webhookUrlSaved", { masked: saved.maskedUrl })} ${t("form.webhookUrlKeepHint")}` : undefined}
        error={message(errors.webhookUrl?.message)} {...form.register("webhookUrl")} />
      {fields.channel ? (
        <TextField id="channel" label={`${t("form.channel")} (${t("common.optional")})`} type="text"
          hint={messenger === "slack" ? t("form.channelHintSlack") : t("form.channelHintMattermost")}
          error={message(errors.channel?.message)} {...form.register("channel")} />
      ) : null}
      {fields.topic ? (
        <>
          <TextField id="topic" label={t("form.topic")} type="text" required
            error={message(errors.topic?.message)} {...form.register("topic")} />
          <p className="warning" style={{ marginTop: -8, marginBottom: 18 }}>{t("form.topicWarning")}</p>
        </>
      ) : null}
      {messenger === "mattermost" ? (
        <div className="field">
          <label className="checkbox" htmlFor="allowPrivateNetwork">
            <input id="allowPrivateNetwork" type="checkbox" {...form.register("allowPrivateNetwork")} />
            {t("form.allowPrivateNetwork")}
          </label>
          <p className="warning">{t("form.allowPrivateNetworkWarning")}</p>
        </div>
      ) : null}
      <div className="field">
        <label className="checkbox" htmlFor="enabled">
          <input id="enabled" type="checkbox" {...form.register("enabled")} />
          {t("form.enabled")}
        </label>
        <p className="hint">{t("form.enabledHint")}</p>
      </div>
      </fieldset>
      {readOnly ? null : (
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t("common.saving") : t("form.save")}
        </button>
        <button type="button" className="btn" onClick={onTest} disabled={testing}>
          {testing ? t("test.sending") : t("test.send")}
        </button>
        <a className="btn" href="/settings/integrations/alerts">
          {t("common.cancel")}
        </a>
        <span className="spacer" />
        {saved ? <DeleteDestinationButton id={saved.id} name={saved.name} /> : null}
      </div>
      )}
      <TestSendPanel result={testResult} pending={testing} />
    </form>
  );
}
