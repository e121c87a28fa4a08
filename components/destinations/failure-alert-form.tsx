"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setFailureAlertDestination } from "@/app/(console)/settings/integrations/alerts/actions";
import { FormAlert, useFailureMessage } from "@/components/ui/form-alert";

export function FailureAlertForm({
  current,
  options,
  readOnly,
}: {
  current: string;
  options: { id: string; label: string }[];
  readOnly: boolean;
}) {
  const t = useTranslations("health.failureAlert");
  const failureMessage = useFailureMessage();
  const [value, setValue] = useState(current);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="card" style={{ padding: 24, marginTop: 20 }} aria-labelledby="failure-alert-title">
      <h2 id="failure-alert-title" style={{ fontSize: "1.1rem", marginBottom: 6 }}>
        {t("title")}
      </h2>
      <p className="hint" style={{ marginBottom: 14 }}>
        {t("lead")}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          setError(null);
          startTransition(async () => {
            const result = await setFailureAlertDestination({ id: value });
            setSaved(result.ok);
            if (!result.ok) setError(failureMessage(result));
          });
        }}
      >
        <div className="field">
          <label htmlFor="failureAlert">{t("label")}</label>
          <select
            id="failureAlert"
            className="select"
            value={value}
            disabled={readOnly}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          >
            <option value="">{t("none")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {readOnly ? null : (
          <button type="submit" className="btn" disabled={pending}>
            {t("save")}
          </button>
        )}
        <span role="status" className="hint">
          {saved ? t("saved") : ""}
        </span>
      </form>
      <FormAlert message={error} />
    </section>
  );
}
