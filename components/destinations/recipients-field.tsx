"use client";

import { useTranslations } from "next-intl";
import type { DestinationView } from "@/lib/destinations/view";

/**
 * 받는 사람 (이메일), in place of Webhook URL: one address a line. Like a saved URL, saved
 * addresses never come back to the browser whole; leaving the field empty keeps them.
 */
export function RecipientsField({ saved, error }: { saved?: DestinationView; error?: string }) {
  const t = useTranslations();
  const masked = saved
    ? `${saved.maskedUrl}${saved.moreRecipients > 0 ? ` ${t("destinations.moreRecipients", { count: saved.moreRecipients })}` : ""}`
    : "";
  const hint = saved ? `${t("form.recipientsSaved", { masked })} ${t("form.recipientsKeepHint")}` : t("form.recipientsHint");
  return (
    <div className="field">
      <label htmlFor="recipients">{t("form.recipients")}</label>
      <textarea
        id="recipients"
        name="recipients"
        rows={3}
        className="textarea"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("messengers.email.example")}
        defaultValue=""
        style={{
          width: "100%",
          padding: "9px 12px",
          border: "1px solid var(--border)",
          borderRadius: 8,
          background: "#fff",
          resize: "vertical",
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`recipients-hint recipients-server${error ? " recipients-error" : ""}`}
      />
      <p className="hint" id="recipients-hint">
        {hint}
      </p>
      <p className="hint" id="recipients-server">
        {t.rich("form.emailServer", { link: (chunks) => <a href="/settings/integrations/email">{chunks}</a> })}
      </p>
      {error ? (
        <p className="error" id="recipients-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
