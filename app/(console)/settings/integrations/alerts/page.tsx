import { getTranslations } from "next-intl/server";
import { DestinationList } from "@/components/destinations/destination-list";
import { FailureAlertForm } from "@/components/destinations/failure-alert-form";
import { HealthBanner } from "@/components/destinations/health-banner";
import { PageHeader } from "@/components/ui/page-header";
import { listDestinations, pendingCountsByDestination } from "@/db/queries/destinations";
import { getSettings } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/current-user";
import { toDestinationView } from "@/lib/destinations/view";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  const user = await requireUser();
  const readOnly = user.role !== "admin";
  const [t, tm, params] = await Promise.all([getTranslations("destinations"), getTranslations("messengers"), searchParams]);
  const destinations = listDestinations().map(toDestinationView);
  const notice = params.saved ? t("saved") : params.deleted ? t("deleted") : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        action={
          destinations.length > 0 && !readOnly ? (
            <a className="btn btn-primary" href="/settings/integrations/alerts/new">
              {t("add")}
            </a>
          ) : null
        }
      />
      {notice ? (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      ) : null}
      <HealthBanner
        paused={destinations.filter((d) => d.health.pausedAt !== null)}
        waiting={pendingCountsByDestination()}
        readOnly={readOnly}
      />
      <DestinationList destinations={destinations} readOnly={readOnly} />
      {destinations.length > 0 ? (
        <FailureAlertForm
          readOnly={readOnly}
          current={getSettings().failureAlertDestinationId ?? ""}
          options={destinations.map((d) => ({ id: d.id, label: `${d.name} · ${tm(`${d.messenger}.name`)}` }))}
        />
      ) : null}
    </>
  );
}
