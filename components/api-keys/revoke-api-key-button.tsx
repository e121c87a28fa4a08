"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "@/app/(console)/settings/api-keys/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Revoking is immediate and final, so it asks first. */
export function RevokeApiKeyButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  return (
    <ConfirmButton
      label={t("apiKeys.revoke")}
      ariaLabel={t("apiKeys.revokeNamed", { name })}
      title={t("apiKeys.confirmTitle")}
      body={t("apiKeys.confirmBody", { name })}
      onConfirm={async () => {
        const result = await revokeApiKeyAction(id);
        if (!result.ok) return t((result.error ?? "form.unexpected") as "form.unexpected");
        router.refresh();
        return null;
      }}
    />
  );
}
