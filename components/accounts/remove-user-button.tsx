"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { removeUser } from "@/app/(console)/settings/accounts/actions";

export function RemoveUserButton({ id, email }: { id: number; email: string }) {
  const t = useTranslations();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await removeUser(id);
      if (!result.ok) return setError(result.error ?? "form.unexpected");
      dialog.current?.close();
      router.refresh();
    });
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()} aria-label={t("accounts.removeNamed", { email })}>
        {t("accounts.remove")}
      </button>
      <dialog ref={dialog} aria-labelledby={`remove-${id}`}>
        <h2 id={`remove-${id}`}>{t("accounts.confirmTitle")}</h2>
        <p>{t("accounts.confirmBody", { email })}</p>
        {error ? <p className="error">{t(error as "form.unexpected")}</p> : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()} autoFocus>{t("common.cancel")}</button>
          <button type="button" className="btn btn-danger-solid" onClick={confirm} disabled={pending}>{t("accounts.remove")}</button>
        </div>
      </dialog>
    </>
  );
}
