"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { removeDestination } from "@/app/(console)/settings/integrations/alerts/actions";

/** 삭제 asks first, in a real modal dialog (focus trapped, Esc cancels). */
export function DeleteDestinationButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await removeDestination(id);
      if (result.ok) {
        dialog.current?.close();
        router.push("/settings/integrations/alerts?deleted=1");
      } else {
        setError(result.formError ?? "form.unexpected");
      }
    });

  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()}>
        {t("form.delete")}
      </button>
      <dialog ref={dialog} aria-labelledby="delete-title" aria-describedby="delete-body">
        <h2 id="delete-title">{t("form.confirmDeleteTitle")}</h2>
        <p id="delete-body">{t("form.confirmDeleteBody", { name })}</p>
        {error ? <p className="error">{t(error as "form.unexpected")}</p> : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className="btn btn-danger-solid" onClick={confirm} disabled={pending}>
            {t("form.confirmDelete")}
          </button>
        </div>
      </dialog>
    </>
  );
}
