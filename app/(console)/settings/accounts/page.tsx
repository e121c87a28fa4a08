import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/accounts/invite-form";
import { RemoveUserButton } from "@/components/accounts/remove-user-button";
import { PageHeader } from "@/components/ui/page-header";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/current-user";

export default async function AccountsPage() {
  const me = await requireUser();
  if (me.role !== "admin") redirect("/settings/integrations/alerts");
  const [t, format] = await Promise.all([getTranslations("accounts"), getFormatter()]);
  const users = listUsers();
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <section className="card" style={{ padding: 24, marginBottom: 20 }}>
        <InviteForm />
      </section>
      <div className="card" style={{ overflowX: "auto" }}>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t("columns.email")}</th>
              <th scope="col">{t("columns.role")}</th>
              <th scope="col">{t("columns.created")}</th>
              <th scope="col">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="account-row">
                <td>{u.email}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{format.dateTime(u.createdAt, "minute")}</td>
                <td>{u.id === me.userId ? <span className="hint">{t("you")}</span> : <RemoveUserButton id={u.id} email={u.email} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
