import { getTranslations } from "next-intl/server";
import { DestinationList } from "@/components/destinations/destination-list";
import { listDestinations } from "@/db/queries/destinations";
import { requireUser } from "@/lib/auth/current-user";
import { toDestinationView } from "@/lib/destinations/view";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  await requireUser();
  const [t, params] = await Promise.all([getTranslations("destinations"), searchParams]);
  const destinations = listDestinations().map(toDestinationView);
  const notice = params.saved ? t("saved") : params.deleted ? t("deleted") : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("title")}</h1>
          <p className="lead">{t("lead")}</p>
        </div>
        {destinations.length > 0 ? (
          <a className="btn btn-primary" href="/settings/integrations/alerts/new">
            {t("add")}
          </a>
        ) : null}
      </div>
      {notice ? (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      ) : null}
      <DestinationList destinations={destinations} />
    </>
  );
}
