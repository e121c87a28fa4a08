import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DestinationEditor } from "@/components/destinations/destination-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isMessengerId, MESSENGER_IDS } from "@/lib/messengers/ids";

export default async function NewAlertPage({ searchParams }: { searchParams: Promise<{ messenger?: string }> }) {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/settings/integrations/alerts");
  const [t, { messenger }] = await Promise.all([getTranslations(), searchParams]);
  if (isMessengerId(messenger)) {
    return <DestinationEditor messenger={messenger} title={t("form.newTitle", { messenger: t(`messengers.${messenger}.name`) })} />;
  }
  return (
    <>
      <PageHeader title={t("picker.title")} lead={t("picker.lead")} />
      <ul className="picker" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {MESSENGER_IDS.map((id) => (
          <li key={id}>
            <a className="card" href={`/settings/integrations/alerts/new?messenger=${id}`}>
              {t(`messengers.${id}.name`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
