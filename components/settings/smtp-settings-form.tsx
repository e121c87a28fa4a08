"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { saveEmailServer } from "@/app/(console)/settings/integrations/email/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { SaveFooter } from "@/components/ui/save-footer";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export interface SmtpFormInitial {
  host: string;
  port: number;
  security: "none" | "starttls" | "tls";
  username: string;
  fromAddress: string;
  fromName: string;
  hasPassword: boolean;
}

const SECURITY = ["starttls", "tls", "none"] as const;
const DEFAULT_PORTS = { starttls: 587, tls: 465, none: 25 } as const;

/** 설정 › 연동 › 이메일 서버: validated by the server action (smtpSettingsSchema). */
export function SmtpSettingsForm({
  initial,
  allowPlain,
  readOnly,
}: {
  initial: SmtpFormInitial | null;
  allowPlain: boolean;
  readOnly: boolean;
}) {
  const t = useTranslations();
  const { formRef, fieldErrors, formError, formData, begin, settle, onInput } = useActionForm();
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [hasPassword, setHasPassword] = useState(initial?.hasPassword ?? false);
  const error = (field: string) =>
    fieldErrors[field] ? t(`smtpSettings.errors.${fieldErrors[field]}` as "smtpSettings.errors.host") : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    begin();
    setSaved(false);
    const data = formData();
    const text = (name: string) => String(data.get(name) ?? "");
    const values = {
      host: text("host"),
      port: text("port"),
      security: text("security"),
      username: text("username"),
      password: text("password"),
      clearPassword: data.get("clearPassword") === "on",
      fromAddress: text("fromAddress"),
      fromName: text("fromName"),
    };
    startTransition(async () => {
      const ok = settle(await saveEmailServer(values));
      setSaved(ok);
      if (ok) {
        setHasPassword(values.username !== "" && !values.clearPassword && (values.password !== "" || hasPassword));
        const password = formRef.current?.elements.namedItem("password") as HTMLInputElement | null;
        if (password) password.value = "";
      }
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} onInput={onInput} noValidate>
      <fieldset disabled={readOnly} className="fieldset">
        <FormAlert id="form-error" message={formError ? t(formError as "form.formError") : null} />
        <TextField
          id="host"
          name="host"
          label={t("smtpSettings.host")}
          hint={t("smtpSettings.hostHint")}
          autoComplete="off"
          spellCheck={false}
          defaultValue={initial?.host ?? ""}
          placeholder="smtp.example.com"
          error={error("host")}
        />
        <div className="field">
          <label htmlFor="security">{t("smtpSettings.security")}</label>
          <select
            id="security"
            name="security"
            className="select"
            defaultValue={initial?.security ?? "starttls"}
            aria-invalid={fieldErrors.security ? true : undefined}
            aria-describedby={fieldErrors.security ? "security-hint security-error" : "security-hint"}
            onChange={(e) => {
              const port = formRef.current?.elements.namedItem("port") as HTMLInputElement | null;
              const value = e.target.value as keyof typeof DEFAULT_PORTS;
              if (port && (port.value === "" || Object.values(DEFAULT_PORTS).map(String).includes(port.value)))
                port.value = String(DEFAULT_PORTS[value]);
            }}
          >
            {SECURITY.map((s) => (
              <option key={s} value={s}>
                {t(`smtpSettings.securityOptions.${s}`)}
              </option>
            ))}
          </select>
          <p className="hint" id="security-hint">
            {t(allowPlain ? "smtpSettings.securityHintLoopback" : "smtpSettings.securityHint")}
          </p>
          {fieldErrors.security ? (
            <p className="error" id="security-error">
              {error("security")}
            </p>
          ) : null}
        </div>
        <TextField
          id="port"
          name="port"
          label={t("smtpSettings.port")}
          inputMode="numeric"
          type="text"
          defaultValue={String(initial?.port ?? 587)}
          error={error("port")}
        />
        <TextField
          id="username"
          name="username"
          label={`${t("smtpSettings.username")} (${t("common.optional")})`}
          autoComplete="off"
          spellCheck={false}
          defaultValue={initial?.username ?? ""}
          error={error("username")}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("smtpSettings.password")}
          autoComplete="new-password"
          defaultValue=""
          hint={hasPassword ? t("smtpSettings.passwordSaved") : t("smtpSettings.passwordHint")}
          error={error("password")}
        />
        {hasPassword ? (
          <div className="field">
            <label className="checkbox" htmlFor="clearPassword">
              <input id="clearPassword" name="clearPassword" type="checkbox" />
              {t("smtpSettings.clearPassword")}
            </label>
          </div>
        ) : null}
        <TextField
          id="fromAddress"
          name="fromAddress"
          type="email"
          label={t("smtpSettings.fromAddress")}
          hint={t("smtpSettings.fromAddressHint")}
          autoComplete="off"
          defaultValue={initial?.fromAddress ?? ""}
          placeholder="alerts@example.com"
          error={error("fromAddress")}
        />
        <TextField
          id="fromName"
          name="fromName"
          label={t("smtpSettings.fromName")}
          defaultValue={initial?.fromName ?? "알리미"}
          error={error("fromName")}
        />
      </fieldset>
      <SaveFooter readOnly={readOnly} pending={pending} savedMessage={saved ? t("smtpSettings.saved") : null} />
    </form>
  );
}
