import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { eventKey } from "@/components/deliveries/event-label";
import { DigestIcon } from "@/components/ui/digest-icon";
import { PageHeader } from "@/components/ui/page-header";
import { listLog } from "@/db/queries/delivery-log";
import { listDestinations } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/current-user";
import { parseLogFilters, type LogSearch as Search, LOG_STATUSES as STATUSES } from "@/lib/deliveries/log-filters";
import { retentionDays } from "@/lib/env";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  // The messengers' translator is awaited on its own: inside this Promise.all tuple TypeScript
  // gives up computing its (ten-messenger) key union and refuses every key.
  const tm = await getTranslations("messengers");
  const [t, to, format, search] = await Promise.all([getTranslations("log"), getTranslations("overview"), getFormatter(), searchParams]);
  const { alerts, next } = listLog(parseLogFilters(search, getSettings().timeZone));
  const destinations = listDestinations();
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams(Object.entries({ ...search, ...extra }).filter(([, v]) => v) as [string, string][]);
    return `/deliveries?${params}`;
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead", { days: retentionDays() })}
        action={
          <Link className="btn" href="/overview">
            {to("openFromLog")}
          </Link>
        }
      />
      <form className="card filters" method="get" action="/deliveries">
        <div className="field">
          <label htmlFor="f-messenger">{t("filters.messenger")}</label>
          <select id="f-messenger" name="messenger" className="select" defaultValue={search.messenger ?? ""}>
            <option value="">{t("filters.all")}</option>
            {MESSENGER_IDS.map((id) => (
              <option key={id} value={id}>
                {tm(`${id}.name`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-destination">{t("filters.destination")}</label>
          <select id="f-destination" name="destination" className="select" defaultValue={search.destination ?? ""}>
            <option value="">{t("filters.all")}</option>
            {destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("filters.status")}</label>
          <select id="f-status" name="status" className="select" defaultValue={search.status ?? ""}>
            <option value="">{t("filters.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("filters.from")}</label>
          <input id="f-from" name="from" type="date" className="select" defaultValue={search.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("filters.to")}</label>
          <input id="f-to" name="to" type="date" className="select" defaultValue={search.to ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t("filters.apply")}
          </button>
          <Link className="btn" href="/deliveries">
            {t("filters.reset")}
          </Link>
          {/* A plain link: a download must not be prefetched by the router. */}
          <a className="btn" href={query({ before: "" }).replace("/deliveries?", "/deliveries/export?")} download>
            {t("export")}
          </a>
        </div>
      </form>
      {alerts.length === 0 ? (
        <section className="card empty">
          <p>{t("empty")}</p>
        </section>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("columns.time")}</th>
                <th scope="col">{t("columns.event")}</th>
                <th scope="col">{t("columns.customer")}</th>
                <th scope="col">{t("columns.deliveries")}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id} data-testid="log-row">
                  <td>
                    <Link href={`/deliveries/${a.id}`}>{format.dateTime(a.createdAt, "second")}</Link>
                  </td>
                  <td>{t(eventKey(a.event))}</td>
                  <td>{a.customer ?? "—"}</td>
                  <td>
                    {a.status === "skipped" ? <span className="hint">{t("skippedNote")}</span> : null}
                    {a.status === "unmatched" ? <span className="hint">{t("unmatchedNote")}</span> : null}
                    {a.status === "queued" && a.deliveries.length === 0 ? <span className="hint">{t("noDeliveries")}</span> : null}
                    <span className="outcomes">
                      {a.deliveries.map((d) => (
                        <span
                          key={d.id}
                          className={`outcome outcome-${d.status}`}
                          title={[d.lastStatus ? `HTTP ${d.lastStatus}` : "", d.lastCode ?? ""].join(" ").trim() || undefined}
                        >
                          {d.destinationName ?? t("deletedDestination")} · {t(`status.${d.status as "pending"}`)}
                          {d.digestId ? (
                            <>
                              {" "}
                              <DigestIcon label={t("digestBadge")} />
                            </>
                          ) : null}
                        </span>
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="form-actions" style={{ marginTop: 16 }} aria-label={t("title")}>
        {search.before ? (
          <Link className="btn" href={query({ before: "" })}>
            {t("first")}
          </Link>
        ) : null}
        {next ? (
          <Link className="btn" href={query({ before: `${next.createdAt}:${next.id}` })}>
            {t("next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
