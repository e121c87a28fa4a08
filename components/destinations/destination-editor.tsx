import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import type { DestinationView } from "@/lib/destinations/view";
import type { MessengerId } from "@/lib/messengers/ids";
import { DestinationForm } from "./destination-form";
import { SetupGuide } from "./setup-guide";

/** The messenger's form with its setup guide beside it. */
export async function DestinationEditor(props: { messenger: MessengerId; saved?: DestinationView; title: string; readOnly?: boolean }) {
  const t = await getTranslations("common");
  return (
    <>
      <PageHeader title={props.title} before={<a href="/settings/integrations/alerts">← {t("back")}</a>} />
      <div className="editor">
        <section className="card">
          <DestinationForm messenger={props.messenger} saved={props.saved} readOnly={props.readOnly ?? false} />
        </section>
        <SetupGuide messenger={props.messenger} />
      </div>
    </>
  );
}
