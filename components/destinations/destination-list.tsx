import { getTranslations } from "next-intl/server";
import type { DestinationView } from "@/lib/destinations/view";
import { EnabledSwitch } from "./enabled-switch";
import { LastTest } from "./last-test";
import { MessengerBadge } from "./messenger-badge";
import { RoutingSummary } from "./routing-summary";

export async function DestinationList({ destinations, readOnly }: { destinations: DestinationView[]; readOnly: boolean }) {
  const t = await getTranslations();
  if (destinations.length === 0) {
    return (
      <section className="card empty">
        <h2>{t("destinations.emptyTitle")}</h2>
        <p>{t("destinations.emptyBody")}</p>
        <p>{t("destinations.emptySteps")}</p>
        {readOnly ? null : (
          <a className="btn btn-primary" href="/settings/integrations/alerts/new">
            {t("destinations.add")}
          </a>
        )}
      </section>
    );
  }
  return (
    <div className="card" style={{ overflowX: "auto" }}>
      <table className="list">
        <caption className="visually-hidden">{t("destinations.count", { count: destinations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("destinations.columns.messenger")}</th>
            <th scope="col">{t("destinations.columns.name")}</th>
            <th scope="col">{t("destinations.columns.url")}</th>
            <th scope="col">{t("destinations.columns.target")}</th>
            <th scope="col">{t("test.column")}</th>
            <th scope="col">{t("destinations.columns.enabled")}</th>
            <th scope="col">{t("destinations.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {destinations.map((d) => (
            <tr key={d.id} data-testid="destination-row">
              <td>
                <MessengerBadge messenger={d.messenger}>{t(`messengers.${d.messenger}.name`)}</MessengerBadge>
              </td>
              <td>
                {d.name}
                {d.health.pausedAt !== null ? (
                  <span className="badge badge-paused">{t("health.badgePaused")}</span>
                ) : d.health.consecutiveFailures > 0 ? (
                  <span className="badge badge-failing" title={d.health.lastFailureReason ?? undefined}>
                    {t("health.badgeFailing")}
                  </span>
                ) : null}
                <RoutingSummary routing={d.routing} />
              </td>
              <td className="masked">
                {d.maskedUrl}
                {d.moreRecipients > 0 ? ` ${t("destinations.moreRecipients", { count: d.moreRecipients })}` : null}
              </td>
              <td>{d.topic ?? d.channel ?? <span className="hint">{t("destinations.noTarget")}</span>}</td>
              <td>
                <LastTest result={d.lastTest} messenger={d.messenger} />
              </td>
              <td>
                <EnabledSwitch id={d.id} name={d.name} enabled={d.enabled} readOnly={readOnly} />
              </td>
              <td>
                <a
                  className="btn"
                  href={`/settings/integrations/alerts/${d.id}`}
                  aria-label={`${readOnly ? t("common.view") : t("common.edit")}: ${d.name}`}
                >
                  {readOnly ? t("common.view") : t("common.edit")}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
