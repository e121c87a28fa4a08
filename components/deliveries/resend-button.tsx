"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resendDelivery } from "@/app/(console)/deliveries/actions";

export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("log");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // No refresh on success: the confirmation stays in view; the log shows the new state on reload.
  if (done) return <span role="status" className="hint">{t("resent")}</span>;
  return (
    <span>
    {error ? <span role="status" className="error">{error} </span> : null}
    <button
      type="button"
      className="btn"
      disabled={pending}
      aria-label={`${label} ${t("resend")}`}
      onClick={() =>
        startTransition(async () => {
          const result = await resendDelivery(id);
          if (result.ok) setDone(true);
          else setError(result.error === "log.resendOff" ? t("resendOff") : t("resendFailed"));
        })
      }
    >
      {t("resend")}
    </button>
    </span>
  );
}
