"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(console)/settings/api-keys/actions";

/** Revoking is immediate and final, so it asks first. */
export function RevokeApiKeyButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      await revokeApiKeyAction(id);
      dialog.current?.close();
      router.refresh();
    });
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()} aria-label={t("apiKeys.revokeNamed", { name })}>
        {t("apiKeys.revoke")}
      </button>
      <dialog ref={dialog} aria-labelledby={`revoke-${id}`}>
        <h2 id={`revoke-${id}`}>{t("apiKeys.confirmTitle")}</h2>
        <p>{t("apiKeys.confirmBody", { name })}</p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className="btn btn-danger-solid" onClick={confirm} disabled={pending}>
            {t("apiKeys.revoke")}
          </button>
        </div>
      </dialog>
    </>
  );
}
