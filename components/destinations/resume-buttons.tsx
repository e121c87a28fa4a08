"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resumeDestinationAction } from "@/app/(console)/settings/integrations/alerts/actions";
import { FormAlert, useFailureMessage } from "@/components/ui/form-alert";

export function ResumeButtons({ id, name }: { id: string; name: string }) {
  const t = useTranslations("health");
  const router = useRouter();
  const failureMessage = useFailureMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const resume = (discard: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await resumeDestinationAction({ id, discard });
      if (result.ok) router.refresh();
      else setError(failureMessage(result));
    });
  return (
    <>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() => resume(false)}
          aria-label={`${name} ${t("resume")}`}
        >
          {t("resume")}
        </button>
        <button type="button" className="btn" disabled={pending} onClick={() => resume(true)}>
          {t("discard")}
        </button>
      </div>
      <FormAlert message={error} />
    </>
  );
}
