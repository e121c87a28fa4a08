import { getFormatter, getTranslations } from "next-intl/server";
import type { DestinationView } from "@/lib/destinations/view";
import type { MessengerId } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";

/** The saved destination's last 테스트 전송, e.g. "실패 · HTTP 404 no_service" (or "SMTP 550" for 이메일). */
export async function LastTest({ result, messenger }: { result: DestinationView["lastTest"]; messenger: MessengerId }) {
  const [t, format] = await Promise.all([getTranslations("test"), getFormatter()]);
  if (!result) return <span className="hint">{t("never")}</span>;
  const protocol = messengerMeta[messenger].fields.address === "recipients" ? "smtp" : "http";
  const status = result.status === null ? t("noResponse") : t(protocol, { status: result.status });
  return (
    <span className={`last-test ${result.ok ? "ok" : "failed"}`} title={format.dateTime(result.at, "second")}>
      {result.ok ? t("success") : t("failure")} · {status}
      {result.code ? ` ${result.code}` : ""}
    </span>
  );
}
