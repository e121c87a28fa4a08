"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeDestination } from "@/app/(console)/settings/integrations/alerts/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

export function DeleteDestinationButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  return (
    <ConfirmButton
      label={t("form.delete")}
      title={t("form.confirmDeleteTitle")}
      body={t("form.confirmDeleteBody", { name })}
      onConfirm={async () => {
        const result = await removeDestination(id);
        if (!result.ok) return t((result.formError ?? "form.unexpected") as "form.unexpected");
        router.push("/settings/integrations/alerts?deleted=1");
        return null;
      }}
    />
  );
}
