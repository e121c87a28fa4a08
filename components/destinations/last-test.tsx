import { getFormatter, getTranslations } from "next-intl/server";
import type { DestinationView } from "@/lib/destinations/view";

/** The saved destination's last 테스트 전송, e.g. "실패 · HTTP 404 no_service". */
export async function LastTest({ result }: { result: DestinationView["lastTest"] }) {
  const [t, format] = await Promise.all([getTranslations("test"), getFormatter()]);
  if (!result) return <span className="hint">{t("never")}</span>;
  const status = result.status === null ? t("noResponse") : t("http", { status: result.status });
  return (
    <span className={`last-test ${result.ok ? "ok" : "failed"}`} title={format.dateTime(result.at, "second")}>
      {result.ok ? t("success") : t("failure")} · {status}
      {result.code ? ` ${result.code}` : ""}
    </span>
  );
}
