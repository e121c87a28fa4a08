"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useOptimistic, useTransition } from "react";
import { toggleDestination } from "@/app/(console)/settings/integrations/alerts/actions";

/** 사용 on/off straight from the list, without opening the form. */
export function EnabledSwitch({ id, name, enabled, readOnly = false }: { id: string; name: string; enabled: boolean; readOnly?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(enabled);

  const toggle = () =>
    startTransition(async () => {
      setShown(!shown);
      await toggleDestination(id, !shown);
      router.refresh();
    });

  return (
    <span style={{ display: "inline-flex", alignItems: "center" }}>
      <button type="button" role="switch" className="switch" aria-checked={shown} disabled={pending || readOnly}
        aria-label={t("destinations.toggle", { name })} onClick={toggle} />
      <span className="switch-label" aria-hidden="true">
        {shown ? t("common.on") : t("common.off")}
      </span>
    </span>
  );
}
