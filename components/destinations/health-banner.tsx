import { getFormatter, getTranslations } from "next-intl/server";
import { hintForCode } from "@/lib/delivery/hints";
import type { DestinationView } from "@/lib/destinations/view";
import { ResumeButtons } from "./resume-buttons";

/** 자동 중지: names each paused destination, why, how to fix it, and how to resume. */
export async function HealthBanner({
  paused,
  waiting,
  readOnly,
}: {
  paused: DestinationView[];
  waiting: Map<string, number>;
  readOnly: boolean;
}) {
  if (paused.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section className="banner" role="alert" aria-labelledby="health-banner-title">
      <h2 id="health-banner-title">{t("health.bannerTitle")}</h2>
      {paused.map((d) => {
        const hint = hintForCode(d.messenger, d.health.pauseCode);
        return (
          <div className="banner-item" key={d.id} data-testid="paused-destination">
            <p>
              <strong>
                {t("health.pausedBody", {
                  name: d.name,
                  messenger: t(`messengers.${d.messenger}.name`),
                  time: format.dateTime(d.health.pausedAt ?? 0, "minute"),
                })}
              </strong>
            </p>
            {d.health.pauseReason ? <p>{t("health.reason", { reason: d.health.pauseReason })}</p> : null}
            {hint ? <p>{t(`test.hints.${hint}`)}</p> : null}
            <p className="hint">
              {t("health.waiting", { count: waiting.get(d.id) ?? 0 })} {t("health.resumeHint")}
            </p>
            {readOnly ? null : <ResumeButtons id={d.id} name={d.name} />}
          </div>
        );
      })}
    </section>
  );
}
