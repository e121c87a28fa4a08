"use client";

import { useTranslations } from "next-intl";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";
import { EVENT_LABEL_KEYS, ROUTE_ALL, type Routing } from "@/lib/destinations/routing";

// 받을 알림: which alerts this destination receives. Plain checkboxes and one text field, posted
// with 저장 and judged by the server's schema (lib/destinations/routing-schema.ts).

// Inline: the options wrap as chips on a phone, and the sub-groups read as parts of 받을 알림.
const GROUP = { border: 0, padding: 0, margin: "0 0 18px", minWidth: 0 } as const;
const SUBLEGEND = { fontWeight: 600, padding: 0, marginBottom: 8 } as const;
const OPTIONS = { display: "flex", flexWrap: "wrap", gap: "8px 10px" } as const;
const SECTION = {
  borderTop: "1px solid var(--border)",
  borderBottom: "1px solid var(--border)",
  padding: "18px 0 2px",
  margin: "6px 0 18px",
} as const;

interface Props {
  saved?: Routing;
  /** field name → translated message */
  error: (field: "routeEvents" | "routeChannels" | "routeTeams") => string | undefined;
}

export function RoutingFields({ saved = ROUTE_ALL, error }: Props) {
  const t = useTranslations();
  const group = (field: "routeEvents" | "routeChannels", legend: string, options: readonly string[], label: (o: string) => string) => {
    const message = error(field);
    return (
      <fieldset style={GROUP} aria-describedby={message ? `${field}-error` : undefined}>
        <legend style={SUBLEGEND}>{legend}</legend>
        <div style={OPTIONS}>
          {options.map((o) => (
            <label className="checkbox chip" key={o} htmlFor={`${field}-${o}`}>
              <input
                id={`${field}-${o}`}
                name={field}
                value={o}
                type="checkbox"
                aria-invalid={message ? true : undefined}
                defaultChecked={(field === "routeEvents" ? saved.events : saved.channels).includes(o as never)}
              />
              {label(o)}
            </label>
          ))}
        </div>
        {message ? (
          <p className="error" id={`${field}-error`}>
            {message}
          </p>
        ) : null}
      </fieldset>
    );
  };
  const teamsError = error("routeTeams");
  return (
    <div style={SECTION}>
      <fieldset className="fieldset" aria-describedby="routing-lead">
        <legend>{t("routing.legend")}</legend>
        <p className="hint" id="routing-lead" style={{ margin: "-6px 0 14px" }}>
          {t("routing.lead")}
        </p>
        {group("routeEvents", t("routing.events"), EVENT_TYPES, (e) =>
          t(`log.events.${EVENT_LABEL_KEYS[e as keyof typeof EVENT_LABEL_KEYS]}`),
        )}
        {group("routeChannels", t("routing.channels"), SESSION_CHANNELS, (c) => t(`alert.channels.${c as "web"}`))}
        <div className="field">
          <label htmlFor="routeTeams">{t("routing.teams")}</label>
          <input
            id="routeTeams"
            name="routeTeams"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={t("routing.teamsPlaceholder")}
            defaultValue={saved.teams.join(", ")}
            aria-invalid={teamsError ? true : undefined}
            aria-describedby={teamsError ? "routeTeams-hint routeTeams-error" : "routeTeams-hint"}
          />
          <p className="hint" id="routeTeams-hint">
            {t("routing.teamsHint")}
          </p>
          {teamsError ? (
            <p className="error" id="routeTeams-error">
              {teamsError}
            </p>
          ) : null}
        </div>
      </fieldset>
    </div>
  );
}
