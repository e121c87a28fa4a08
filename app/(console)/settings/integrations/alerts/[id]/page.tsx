import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DestinationEditor } from "@/components/destinations/destination-editor";
import { findDestination } from "@/db/queries/destinations";
import { requireUser } from "@/lib/auth/current-user";
import { toDestinationView } from "@/lib/destinations/view";

export default async function EditAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const row = findDestination(id);
  if (!row) notFound();
  const t = await getTranslations("form");
  const saved = toDestinationView(row);
  return (
    <DestinationEditor
      messenger={row.messenger}
      saved={saved}
      title={t("editTitle", { name: saved.name })}
      readOnly={user.role !== "admin"}
    />
  );
}
