import type { ReactNode } from "react";

/** The heading block every console page opens with: title, one-line lead, optional action. */
export function PageHeader({
  title,
  lead,
  before,
  action,
}: {
  title: ReactNode;
  lead?: ReactNode;
  before?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        {before ? <p style={{ margin: "0 0 6px" }}>{before}</p> : null}
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {action ?? null}
    </div>
  );
}
