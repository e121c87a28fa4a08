import { getFormatter, getTranslations } from "next-intl/server";
import { ApiExamples } from "@/components/api-keys/api-examples";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireUser } from "@/lib/auth/current-user";
import { appBaseUrl } from "@/lib/env";

export default async function ApiKeysPage() {
  const user = await requireUser();
  const readOnly = user.role !== "admin";
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getFormatter()]);
  const keys = listApiKeys();
  const when = (at: number | null) => (at === null ? t("never") : format.dateTime(at, "minute"));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {readOnly ? null : (
        <section className="card" style={{ padding: 24, marginBottom: 20 }}>
          <CreateApiKeyForm />
        </section>
      )}
      {keys.length === 0 ? (
        <section className="card empty">
          <p>{t("empty")}</p>
        </section>
      ) : (
        <div className="card" style={{ overflowX: "auto" }}>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.prefix")}</th>
                <th scope="col">{t("columns.created")}</th>
                <th scope="col">{t("columns.lastUsed")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row">
                  <td>{key.name}</td>
                  <td className="masked">{key.prefix}…</td>
                  <td>{when(key.createdAt)}</td>
                  <td>{when(key.lastUsedAt)}</td>
                  <td>{key.revokedAt === null ? t("active") : t("revokedAt", { at: when(key.revokedAt) })}</td>
                  <td>{key.revokedAt === null && !readOnly ? <RevokeApiKeyButton id={key.id} name={key.name} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ApiExamples baseUrl={appBaseUrl()} />
    </>
  );
}
