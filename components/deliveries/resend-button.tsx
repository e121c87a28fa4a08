"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resendDelivery } from "@/app/(console)/deliveries/actions";
import { FormAlert, useFailureMessage } from "@/components/ui/form-alert";

export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("log");
  const failureMessage = useFailureMessage();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // No refresh on success: the confirmation stays in view; the log shows the new state on reload.
  if (done)
    return (
      <span role="status" className="hint">
        {t("resent")}
      </span>
    );
  return (
    <div>
      <FormAlert message={error} className="error" />
      <button
        type="button"
        className="btn"
        disabled={pending}
        aria-label={`${label} ${t("resend")}`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await resendDelivery({ id });
            if (result.ok) setDone(true);
            else setError(failureMessage(result));
          })
        }
      >
        {t("resend")}
      </button>
    </div>
  );
}
