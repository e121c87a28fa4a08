"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

// A server action that could not even answer (the server restarted, the network dropped, or a
// deploy replaced the action) rejects its promise; React hands that to this boundary, so the
// admin is told and can retry instead of looking at a control that silently did nothing.
export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card empty" role="alert">
      <h1 ref={heading} tabIndex={-1}>
        {t("errorTitle")}
      </h1>
      <p>{t("errorBody")}</p>
      <button type="button" className="btn btn-primary" onClick={() => reset()}>
        {t("errorRetry")}
      </button>
    </section>
  );
}
