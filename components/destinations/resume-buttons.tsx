"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { resumeDestinationAction } from "@/app/(console)/settings/integrations/alerts/actions";

export function ResumeButtons({ id, name }: { id: string; name: string }) {
  const t = useTranslations("health");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const resume = (discard: boolean) =>
    startTransition(async () => {
      await resumeDestinationAction(id, discard);
      router.refresh();
    });
  return (
    <div className="form-actions">
      <button type="button" className="btn btn-primary" disabled={pending} onClick={() => resume(false)} aria-label={`${name} ${t("resume")}`}>
        {t("resume")}
      </button>
      <button type="button" className="btn" disabled={pending} onClick={() => resume(true)}>
        {t("discard")}
      </button>
    </div>
  );
}
