"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { FormAlert } from "./form-alert";

interface Props {
  /** the button's text, and the dialog's confirm button */
  label: string;
  /** accessible name of the opening button when the label alone is ambiguous in a list */
  ariaLabel?: string;
  title: string;
  body: string;
  /** runs on confirm; returns a message to show in the dialog when it did not work */
  onConfirm: () => Promise<string | null>;
}

/** A destructive action behind a real modal dialog (focus trapped, Esc cancels, 취소 focused). */
export function ConfirmButton({ label, ariaLabel, title, body, onConfirm }: Props) {
  const t = useTranslations("common");
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const problem = await onConfirm();
      if (problem) return setError(problem);
      dialog.current?.close();
    });
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()} aria-label={ariaLabel}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <FormAlert message={error} className="error" />
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
          <button type="button" className="btn btn-danger-solid" onClick={confirm} disabled={pending}>
            {label}
          </button>
        </div>
      </dialog>
    </>
  );
}
