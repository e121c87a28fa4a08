"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { saveDestination, sendTestAlert } from "@/app/(console)/settings/integrations/alerts/actions";
import { TextField } from "@/components/ui/text-field";
import type { TestSendResult } from "@/lib/delivery/test-send";
import type { DestinationView } from "@/lib/destinations/view";
import type { MessengerId } from "@/lib/messengers/ids";
import { type DestinationFormValues, messengerFields } from "@/lib/messengers/fields";
import { DeleteDestinationButton } from "./delete-destination-button";
import { TestSendPanel } from "./test-send-panel";
import { useValidationMessage } from "./use-validation-message";

interface Props {
  messenger: MessengerId;
  saved?: DestinationView;
  /** 뷰어: sees the form, changes nothing */
  readOnly?: boolean;
}

type FieldErrors = Partial<Record<keyof DestinationFormValues, string>>;

export function DestinationForm({ messenger, saved, readOnly = false }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const message = useValidationMessage(messenger);
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [testing, startTest] = useTransition();
  const [testResult, setTestResult] = useState<TestSendResult | null>(null);
  const fields = messengerFields[messenger];

  // A plain form, validated by the server: 저장 and 테스트 전송 check the values with the
  // messenger's zod schema and answer field errors, shown in place (in milliseconds). Shipping
  // zod and react-hook-form to the browser for these five fields would cost 46 kB gzipped and
  // put this page over its 150 kB first-load JavaScript budget.
  const values = (): DestinationFormValues => {
    const data = new FormData(formRef.current ?? undefined);
    const text = (name: string) => String(data.get(name) ?? "");
    return {
      id: saved?.id ?? "",
      name: text("name"),
      webhookUrl: text("webhookUrl"),
      enabled: data.get("enabled") === "on",
      ...(fields.channel ? { channel: text("channel") } : {}),
      ...(fields.topic ? { topic: text("topic") } : {}),
      ...(messenger === "mattermost" ? { allowPrivateNetwork: data.get("allowPrivateNetwork") === "on" } : {}),
    };
  };

  const showServerErrors = (result: { fieldErrors: FieldErrors; formError?: string }) => {
    setErrors(result.fieldErrors);
    setFormError(result.formError ?? null);
    const first = Object.keys(result.fieldErrors)[0];
    if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const submitted = values();
    startTransition(async () => {
      const result = await saveDestination(messenger, submitted);
      if (result.ok) {
        router.push("/settings/integrations/alerts?saved=1");
        return;
      }
      showServerErrors(result);
    });
  };

  // 테스트 전송 validates like 저장 (same schema) but sends instead of saving.
  const onTest = () => {
    setFormError(null);
    setTestResult(null);
    const submitted = values();
    startTest(async () => {
      const result = await sendTestAlert(messenger, submitted);
      if (result.ok) {
        setErrors({});
        setTestResult(result.result);
      } else showServerErrors(result);
    });
  };

  // Editing a field clears its error: the next 저장 judges it again.
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name as keyof DestinationFormValues;
    if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} onInput={onInput} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
      {formError ? (
        <p className="notice notice-error" id="form-error">
          {t(formError as "form.formError")}
        </p>
      ) : null}
      <TextField id="name" label={t("form.name")} hint={t("form.nameHint")} type="text" maxLength={80}
        name="name" defaultValue={saved?.name ?? t(`messengers.${messenger}.name`)} error={message(errors.name)} />
      <TextField id="webhookUrl" label={t("form.webhookUrl")} type="url" inputMode="url" autoComplete="off"
        spellCheck={false} placeholder={t(`messengers.${messenger}.example`)}
        hint={saved ? `${t("form.webhookUrlSaved", { masked: saved.maskedUrl })} ${t("form.webhookUrlKeepHint")}` : undefined}
        name="webhookUrl" defaultValue="" error={message(errors.webhookUrl)} />
      {fields.channel ? (
        <TextField id="channel" label={`${t("form.channel")} (${t("common.optional")})`} type="text"
          hint={messenger === "slack" ? t("form.channelHintSlack") : t("form.channelHintMattermost")}
          name="channel" defaultValue={saved?.channel ?? ""} error={message(errors.channel)} />
      ) : null}
      {fields.topic ? (
        <>
          <TextField id="topic" label={t("form.topic")} type="text" required
            name="topic" defaultValue={saved?.topic ?? ""} error={message(errors.topic)} />
          <p className="warning" style={{ marginTop: -8, marginBottom: 18 }}>{t("form.topicWarning")}</p>
        </>
      ) : null}
      {messenger === "mattermost" ? (
        <div className="field">
          <label className="checkbox" htmlFor="allowPrivateNetwork">
            <input id="allowPrivateNetwork" name="allowPrivateNetwork" type="checkbox" defaultChecked={saved?.allowPrivateNetwork ?? false} />
            {t("form.allowPrivateNetwork")}
          </label>
          <p className="warning">{t("form.allowPrivateNetworkWarning")}</p>
        </div>
      ) : null}
      <div className="field">
        <label className="checkbox" htmlFor="enabled">
          <input id="enabled" name="enabled" type="checkbox" defaultChecked={saved?.enabled ?? true} />
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
