"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { toggleDestination } from "@/app/(console)/settings/integrations/alerts/actions";
import { FormAlert, useFailureMessage } from "@/components/ui/form-alert";

/** 사용 on/off straight from the list, without opening the form. */
export function EnabledSwitch({ id, name, enabled, readOnly = false }: { id: string; name: string; enabled: boolean; readOnly?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const failureMessage = useFailureMessage();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(enabled);
  const [error, setError] = useState<string | null>(null);

  const toggle = () =>
    startTransition(async () => {
      setError(null);
      setShown(!shown);
      const result = await toggleDestination({ id, enabled: !shown });
      // On failure the switch falls back to the saved state and says why; the list is not
      // refreshed, or a destination deleted elsewhere would vanish along with the message.
      if (result.ok) router.refresh();
      else setError(failureMessage(result));
    });

  return (
    <div>
      <span style={{ display: "inline-flex", alignItems: "center" }}>
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={shown}
          disabled={pending || readOnly}
          aria-label={t("destinations.toggle", { name })}
          onClick={toggle}
        />
        <span className="switch-label" aria-hidden="true">
          {shown ? t("common.on") : t("common.off")}
        </span>
      </span>
      <FormAlert message={error} className="error" />
    </div>
  );
}
