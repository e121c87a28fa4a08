"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "@/app/(console)/settings/api-keys/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFailureMessage } from "@/components/ui/form-alert";

/** Revoking is immediate and final, so it asks first. */
export function RevokeApiKeyButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const failureMessage = useFailureMessage();
  return (
    <ConfirmButton
      label={t("apiKeys.revoke")}
      ariaLabel={t("apiKeys.revokeNamed", { name })}
      title={t("apiKeys.confirmTitle")}
      body={t("apiKeys.confirmBody", { name })}
      onConfirm={async () => {
        const result = await revokeApiKeyAction({ id });
        if (!result.ok) return failureMessage(result);
        router.refresh();
        return null;
      }}
    />
  );
}
