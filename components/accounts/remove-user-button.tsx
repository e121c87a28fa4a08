"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { removeUser } from "@/app/(console)/settings/accounts/actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFailureMessage } from "@/components/ui/form-alert";

export function RemoveUserButton({ id, email }: { id: number; email: string }) {
  const t = useTranslations();
  const router = useRouter();
  const failureMessage = useFailureMessage();
  return (
    <ConfirmButton
      label={t("accounts.remove")}
      ariaLabel={t("accounts.removeNamed", { email })}
      title={t("accounts.confirmTitle")}
      body={t("accounts.confirmBody", { email })}
      onConfirm={async () => {
        const result = await removeUser({ id });
        if (!result.ok) return failureMessage(result);
        router.refresh();
        return null;
      }}
    />
  );
}
