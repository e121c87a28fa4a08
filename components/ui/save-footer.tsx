"use client";

import { useTranslations } from "next-intl";

/** 저장 (hidden for 뷰어) and the polite "saved" status under a settings form. */
export function SaveFooter({ readOnly, pending, savedMessage }: { readOnly: boolean; pending: boolean; savedMessage: string | null }) {
  const t = useTranslations("common");
  return (
    <>
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {savedMessage ? (
          <p className="notice notice-success" style={{ marginTop: 16 }}>
            {savedMessage}
          </p>
        ) : null}
      </div>
    </>
  );
}
