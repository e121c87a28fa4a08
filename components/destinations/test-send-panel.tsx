"use client";

import { useTranslations } from "next-intl";
import type { TestSendResult } from "@/lib/delivery/test-send";

/** The truth of the last 테스트 전송, announced politely to screen readers. */
export function TestSendPanel({ result, pending }: { result: TestSendResult | null; pending: boolean }) {
  const t = useTranslations("test");
  return (
    <div role="status" aria-live="polite" className={result ? `test-result ${result.ok ? "ok" : "failed"}` : "test-result"}>
      {pending ? <p className="hint">{t("sending")}</p> : null}
      {!pending && result ? (
        <>
          <p className="test-line">
            <strong>{result.ok ? t("success") : t("failure")}</strong>
            <span>
              {result.httpStatus === null
                ? t("noResponse")
                : t(result.protocol === "smtp" ? "smtp" : "http", { status: result.httpStatus })}
            </span>
            {result.code ? <code>{result.code}</code> : null}
            <span>{t("latency", { ms: result.latencyMs })}</span>
          </p>
          {result.message ? <p className="test-message">{result.message}</p> : null}
          {result.hint ? <p className="test-hint">{t(`hints.${result.hint}` as "hints.unknown")}</p> : null}
        </>
      ) : null}
    </div>
  );
}
