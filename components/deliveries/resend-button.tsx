"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resendDelivery } from "@/app/(console)/deliveries/actions";

export function ResendButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("log");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  if (done) return <span role="status" className="hint">{t("resent")}</span>;
  return (
    <button
      type="button"
      className="btn"
      disabled={pending}
      aria-label={`${label} ${t("resend")}`}
      onClick={() =>
        startTransition(async () => {
          if ((await resendDelivery(id)).ok) {
            setDone(true);
            router.refresh();
          }
        })
      }
    >
      {t("resend")}
    </button>
  );
}
