import type { ReactNode } from "react";

/**
 * The numbers behind a 개요 chart, as a real table: what screen readers read (the SVG beside it
 * is aria-hidden) and what the e2e suite checks. `head` holds the header cells, `children` the rows.
 */
export function NumbersTable(props: {
  testId: string;
  caption: string;
  head: ReactNode;
  empty?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={props.wide ? "overview-table wide" : "overview-table"}>
      <table className="list compact" data-testid={props.testId}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>{props.head}</tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
      {props.empty ? <p className="hint">{props.empty}</p> : null}
    </div>
  );
}
