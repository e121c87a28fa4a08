"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { saveGuideSettings } from "@/app/(console)/settings/app/guide/actions";
import { type GuideSettingsValues, guideSettingsSchema } from "@/lib/settings/schema";

const EVENTS = ["notifyMessageSubmitted", "notifySessionWaiting", "notifySessionAssigned"] as const;

export function GuideSettingsForm({ initial, timeZones, readOnly }: { initial: GuideSettingsValues; timeZones: string[]; readOnly: boolean }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<"saved" | string | null>(null);
  const form = useForm<GuideSettingsValues>({
    resolver: zodResolver(guideSettingsSchema) as unknown as Resolver<GuideSettingsValues>,
    defaultValues: initial,
  });

  const onSubmit = form.handleSubmit((values) => {
    setStatus(null);
    startTransition(async () => {
      const result = await saveGuideSettings(values);
      setStatus(result.ok ? "saved" : result.formError);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
      <fieldset className="fieldset">
        <legend>{t("guideSettings.eventsLegend")}</legend>
        {EVENTS.map((name) => (
          <div className="field" key={name}>
            <label className="checkbox" htmlFor={name}>
              <input id={name} type="checkbox" {...form.register(name)} />
              {t(`guideSettings.events.${name}`)}
            </label>
            <p className="hint">{t(`guideSettings.eventHints.${name}`)}</p>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="alertLocale">{t("guideSettings.language")}</label>
        <select id="alertLocale" className="select" {...form.register("alertLocale")}>
          <option value="ko">{t("language.ko")}</option>
          <option value="en">{t("language.en")}</option>
        </select>
        <p className="hint">{t("guideSettings.languageHint")}</p>
      </div>
      <div className="field">
        <label htmlFor="timeZone">{t("guideSettings.timeZone")}</label>
        <select id="timeZone" className="select" {...form.register("timeZone")}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {form.formState.errors.timeZone ? <p className="error">{t("guideSettings.timeZoneInvalid")}</p> : null}
      </div>
      </fieldset>
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t("common.saving") : t("common.save")}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {status === "saved" ? <p className="notice notice-success" style={{ marginTop: 16 }}>{t("destinations.saved")}</p> : null}
        {status && status !== "saved" ? <p className="notice notice-error" style={{ marginTop: 16 }}>{t(status as "form.formError")}</p> : null}
      </div>
    </form>
  );
}
