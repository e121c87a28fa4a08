import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { eventKey } from "@/components/deliveries/event-label";
import { ResendButton } from "@/components/deliveries/resend-button";
import { MessengerBadge } from "@/components/destinations/messenger-badge";
import { getAlertDetail } from "@/db/queries/delivery-log";
import { requireUser } from "@/lib/auth/current-user";

export default async function AlertDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const detail = getAlertDetail(id);
  if (!detail) notFound();
  const [t, tm, format] = await Promise.all([getTranslations("log"), getTranslations("messengers"), getFormatter()]);
  const when = (at: number) => format.dateTime(at, "second");
  const payload = JSON.parse(detail.alert.payload) as { customer?: { name?: string }; message?: string };
  return (
    <>
      <div className="page-header">
        <div>
          <p style={{ margin: "0 0 6px" }}>
            <Link href="/deliveries">← {t("back")}</Link>
          </p>
          <h1>{t("detailTitle")}</h1>
          <p className="lead">
            {t(eventKey(detail.alert.event))} · {when(detail.alert.createdAt)}
            {payload.customer?.name ? ` · ${payload.customer.name}` : ""}
          </p>
          {payload.message ? (
            <p className="snippet" style={{ maxWidth: 720 }}>
              {payload.message.slice(0, 300)}
            </p>
          ) : null}
          {detail.alert.status === "skipped" ? <p className="hint">{t("skippedNote")}</p> : null}
          {detail.alert.status === "unmatched" ? <p className="hint">{t("unmatchedNote")}</p> : null}
        </div>
      </div>
      {detail.deliveries.map((d) => {
        const attempts = detail.attempts.filter((a) => a.deliveryId === d.id);
        const label = d.destinationName ?? t("deletedDestination");
        return (
          <section className="card" style={{ padding: 20, marginBottom: 16 }} key={d.id} data-testid="delivery-detail">
            <div className="page-header" style={{ marginBottom: 10 }}>
              <h2 style={{ fontSize: "1.1rem" }}>
                <MessengerBadge messenger={d.messenger}>{tm(`${d.messenger as "slack"}.name`)}</MessengerBadge> {label}{" "}
                <span className={`outcome outcome-${d.status}`}>{t(`status.${d.status as "pending"}`)}</span>
              </h2>
              {d.status === "failed" && user.role === "admin" ? <ResendButton id={d.id} label={label} /> : null}
            </div>
            {d.digestId ? <p className="hint">{t("digest", { id: d.digestId })}</p> : null}
            {d.status === "pending" && d.pausedAt !== null ? <p className="hint">{t("pausedWait")}</p> : null}
            {d.status === "pending" && d.pausedAt === null ? (
              <p className="hint">{t("nextTry", { time: when(Math.max(d.nextAttemptAt, d.paceTat ?? 0)) })}</p>
            ) : null}
            {attempts.length === 0 ? (
              <p className="hint">{t("attempts.none")}</p>
            ) : (
              <table className="list">
                <caption className="visually-hidden">{t("attempts.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("attempts.time")}</th>
                    <th scope="col">{t("attempts.outcome")}</th>
                    <th scope="col">{t("attempts.http")}</th>
                    <th scope="col">{t("attempts.code")}</th>
                    <th scope="col">{t("attempts.body")}</th>
                    <th scope="col">{t("attempts.latency")}</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.map((a) => (
                    <tr key={`${a.deliveryId}:${a.at}:${a.outcome}`}>
                      <td>{when(a.at)}</td>
                      <td>
                        <span
                          className={`outcome outcome-${a.outcome === "delivered" ? "delivered" : a.outcome === "retry" ? "pending" : "failed"}`}
                        >
                          {t(`outcome.${a.outcome as "retry"}`)}
                        </span>
                      </td>
                      <td>{a.httpStatus ?? "—"}</td>
                      <td>
                        {a.code ?? "—"}
                        {a.message ? <div className="hint">{a.message}</div> : null}
                      </td>
                      <td>
                        <div className="snippet">{a.bodySnippet ?? ""}</div>
                      </td>
                      <td>{a.latencyMs} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}
