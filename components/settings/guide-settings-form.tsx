"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { saveGuideSettings } from "@/app/(console)/settings/app/guide/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SaveFooter } from "@/components/ui/save-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import type { GuideSettingsValues } from "@/lib/settings/schema";

const EVENTS = ["notifyMessageSubmitted", "notifySessionWaiting", "notifySessionAssigned"] as const;

// Which message each field's error shows (the schema's keys say only which rule failed).
const FIELD_MESSAGES = { alertLocale: "guideSettings.localeInvalid", timeZone: "guideSettings.timeZoneInvalid" } as const;

export function GuideSettingsForm({
  initial,
  timeZones,
  readOnly,
}: {
  initial: GuideSettingsValues;
  timeZones: string[];
  readOnly: boolean;
}) {
  const t = useTranslations();
  const { formRef, fieldErrors, formError, formData, begin, settle, onInput } = useActionForm();
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const errorOf = (field: keyof typeof FIELD_MESSAGES) =>
    fieldErrors[field] ? (
      <p className="error" id={`${field}-error`}>
        {t(FIELD_MESSAGES[field])}
      </p>
    ) : null;
  const invalid = (field: keyof typeof FIELD_MESSAGES) =>
    fieldErrors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    begin();
    setSaved(false);
    const data = formData();
    const values = {
      ...Object.fromEntries(EVENTS.map((name) => [name, data.get(name) === "on"])),
      alertLocale: data.get("alertLocale"),
      timeZone: data.get("timeZone"),
    };
    startTransition(async () => setSaved(settle(await saveGuideSettings(values))));
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} onInput={onInput} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
        <fieldset className="fieldset">
          <legend>{t("guideSettings.eventsLegend")}</legend>
          {EVENTS.map((name) => (
            <div className="field" key={name}>
              <label className="checkbox" htmlFor={name}>
                <input id={name} name={name} type="checkbox" defaultChecked={initial[name]} />
                {t(`guideSettings.events.${name}`)}
              </label>
              <p className="hint">{t(`guideSettings.eventHints.${name}`)}</p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="alertLocale">{t("guideSettings.language")}</label>
          <select id="alertLocale" name="alertLocale" className="select" defaultValue={initial.alertLocale} {...invalid("alertLocale")}>
            <option value="ko">{t("language.ko")}</option>
            <option value="en">{t("language.en")}</option>
          </select>
          <p className="hint">{t("guideSettings.languageHint")}</p>
          {errorOf("alertLocale")}
        </div>
        <div className="field">
          <label htmlFor="timeZone">{t("guideSettings.timeZone")}</label>
          <select id="timeZone" name="timeZone" className="select" defaultValue={initial.timeZone} {...invalid("timeZone")}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          {errorOf("timeZone")}
        </div>
      </fieldset>
      <SaveFooter readOnly={readOnly} pending={pending} savedMessage={saved ? t("destinations.saved") : null} />
      <FormAlert message={formError ? t(formError as "form.formError") : null} />
    </form>
  );
}
