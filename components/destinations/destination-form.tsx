"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { saveDestination, sendTestAlert } from "@/app/(console)/settings/integrations/alerts/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TestSendResult } from "@/lib/delivery/test-send";
import type { DestinationView } from "@/lib/destinations/view";
import type { DestinationFormValues } from "@/lib/messengers/fields";
import type { MessengerId } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";
import { DeleteDestinationButton } from "./delete-destination-button";
import { DestinationPreview } from "./destination-preview";
import { RecipientsField } from "./recipients-field";
import { RoutingFields } from "./routing-fields";
import { TestSendPanel } from "./test-send-panel";
import { useValidationMessage } from "./use-validation-message";

interface Props {
  messenger: MessengerId;
  saved?: DestinationView;
  /** 뷰어: sees the form, changes nothing */
  readOnly?: boolean;
}

export function DestinationForm({ messenger, saved, readOnly = false }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const message = useValidationMessage(messenger);
  const { formRef, fieldErrors: errors, formError, formData, begin, settle, onInput } = useActionForm();
  const [pending, startTransition] = useTransition();
  const [testing, startTest] = useTransition();
  const [testResult, setTestResult] = useState<TestSendResult | null>(null);
  // The server's signed receipt of the last 테스트 전송; 저장 hands it back so a test made before
  // the first save is remembered as the destination's 최근 테스트.
  const [testReceipt, setTestReceipt] = useState<string | undefined>(undefined);
  // Which fields this messenger's form shows: its meta (lib/messengers/<id>/meta.ts), client-safe.
  const { fields, capabilities } = messengerMeta[messenger];
  const recipients = fields.address === "recipients";

  // Validated by the server (useActionForm): shipping zod and react-hook-form to the browser
  // for these five fields would cost 46 kB gzipped and put this page over its 150 kB
  // first-load JavaScript budget.
  const values = (): DestinationFormValues => {
    const data = formData();
    const text = (name: string) => String(data.get(name) ?? "");
    return {
      id: saved?.id ?? "",
      name: text("name"),
      webhookUrl: recipients ? "" : text("webhookUrl"),
      ...(recipients ? { recipients: text("recipients") } : {}),
      enabled: data.get("enabled") === "on",
      ...(fields.channel !== null ? { channel: text("channel") } : {}),
      ...(fields.topic ? { topic: text("topic") } : {}),
      ...(capabilities.privateNetwork ? { allowPrivateNetwork: data.get("allowPrivateNetwork") === "on" } : {}),
    };
  };

  // 받을 알림, as posted; the server's schema turns it into rules (lib/destinations/routing-schema.ts).
  const routing = () => {
    const data = formData();
    const all = (name: string) => data.getAll(name).map(String);
    return { routeEvents: all("routeEvents"), routeChannels: all("routeChannels"), routeTeams: String(data.get("routeTeams") ?? "") };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    begin();
    const submitted = values();
    const rules = routing();
    startTransition(async () => {
      if (settle(await saveDestination({ messenger, values: submitted, routing: rules, testReceipt })))
        router.push("/settings/integrations/alerts?saved=1");
    });
  };

  // 테스트 전송 validates like 저장 (same schema) but sends instead of saving.
  const onTest = () => {
    begin();
    setTestResult(null);
    const submitted = values();
    startTest(async () => {
      const result = await sendTestAlert({ messenger, values: submitted });
      if (settle(result)) {
        setTestResult(result.result);
        setTestReceipt(result.receipt);
      }
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} onInput={onInput} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
        <FormAlert id="form-error" message={formError ? t(formError as "form.formError") : null} />
        <TextField
          id="name"
          label={t("form.name")}
          hint={t("form.nameHint")}
          type="text"
          maxLength={80}
          name="name"
          defaultValue={saved?.name ?? t(`messengers.${messenger}.name`)}
          error={message(errors.name)}
        />
        {recipients ? (
          <RecipientsField saved={saved} error={message(errors.recipients)} />
        ) : (
          <TextField
            id="webhookUrl"
            label={t("form.webhookUrl")}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={t(`messengers.${messenger}.example`)}
            hint={saved ? `${t("form.webhookUrlSaved", { masked: saved.maskedUrl })} ${t("form.webhookUrlKeepHint")}` : undefined}
            name="webhookUrl"
            defaultValue=""
            error={message(errors.webhookUrl)}
          />
        )}
        {fields.channel !== null ? (
          <TextField
            id="channel"
            label={`${t("form.channel")} (${t("common.optional")})`}
            type="text"
            hint={t(`form.${fields.channel.hint}`)}
            name="channel"
            defaultValue={saved?.channel ?? ""}
            error={message(errors.channel)}
          />
        ) : null}
        {fields.topic ? (
          <>
            <TextField
              id="topic"
              label={t("form.topic")}
              type="text"
              required
              name="topic"
              defaultValue={saved?.topic ?? ""}
              error={message(errors.topic)}
            />
            <p className="warning" style={{ marginTop: -8, marginBottom: 18 }}>
              {t("form.topicWarning")}
            </p>
          </>
        ) : null}
        {capabilities.privateNetwork ? (
          <div className="field">
            <label className="checkbox" htmlFor="allowPrivateNetwork">
              <input
                id="allowPrivateNetwork"
                name="allowPrivateNetwork"
                type="checkbox"
                defaultChecked={saved?.allowPrivateNetwork ?? false}
              />
              {t("form.allowPrivateNetwork")}
            </label>
            <p className="warning">{t("form.allowPrivateNetworkWarning")}</p>
          </div>
        ) : null}
        <RoutingFields saved={saved?.routing} error={(field) => message(errors[field])} />
        <div className="field">
          <label className="checkbox" htmlFor="enabled">
            <input id="enabled" name="enabled" type="checkbox" defaultChecked={saved?.enabled ?? true} />
            {t("form.enabled")}
          </label>
          <p className="hint">{t("form.enabledHint")}</p>
        </div>
      </fieldset>
      {/* Outside the fieldset: a 뷰어 may pick the sample event too. */}
      <DestinationPreview messenger={messenger} formRef={formRef} />
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
