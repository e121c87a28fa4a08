"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeDestination } from "@/app/(console)/settings/integrations/alerts/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFailureMessage } from "@/components/ui/form-alert";

export function DeleteDestinationButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const failureMessage = useFailureMessage();
  return (
    <ConfirmButton
      label={t("form.delete")}
      title={t("form.confirmDeleteTitle")}
      body={t("form.confirmDeleteBody", { name })}
      onConfirm={async () => {
        const result = await removeDestination({ id });
        if (!result.ok) return failureMessage(result);
        router.push("/settings/integrations/alerts?deleted=1");
        return null;
      }}
    />
  );
}
