"use client";

import { useTranslations } from "next-intl";
import type { PreviewRow } from "@/lib/destinations/preview";
import { EVENT_LABEL_KEYS } from "@/lib/destinations/routing";

/** 받을 알림 applied to sample alerts: which of them this destination would get. */
export function PreviewRules({ rows }: { rows: PreviewRow[] }) {
  const t = useTranslations();
  return (
    <table className="list compact preview-rules">
      <caption>{t("preview.rules")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("preview.colEvent")}</th>
          <th scope="col">{t("preview.colChannel")}</th>
          <th scope="col">{t("preview.colTeam")}</th>
          <th scope="col">{t("preview.colResult")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.event}-${r.channel}-${r.team ?? ""}`} className={r.received ? "received" : "dropped"}>
            <td>{t(`log.events.${EVENT_LABEL_KEYS[r.event]}`)}</td>
            <td>{t(`alert.channels.${r.channel}`)}</td>
            <td>{r.team ?? t("preview.noTeam")}</td>
            <td>{r.received ? t("preview.received") : t("preview.notReceived")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
