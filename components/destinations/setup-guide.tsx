import { getTranslations } from "next-intl/server";
import type { MessengerId } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";
import messages from "@/messages/ko.json";

/**
 * The seed help page's steps for one messenger, as numbered steps beside its form: the texts are
 * messages (guides.<id>), the official link its `<link>` tag opens is in the messenger's meta.
 */
export async function SetupGuide({ messenger }: { messenger: MessengerId }) {
  const t = await getTranslations("guides");
  // Step numbers come from the catalogue itself; both languages have the same keys (tested).
  const steps = Object.keys(messages.guides[messenger].steps) as (keyof (typeof messages.guides)["slack"]["steps"])[];
  const note = t(`${messenger}.note`);
  const href = messengerMeta[messenger].guide.link;
  return (
    <section className="card guide" aria-labelledby="guide-title">
      <h2 id="guide-title">{t("title")}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step}>
            {t.rich(`${messenger}.steps.${step}` as "slack.steps.1", {
              b: (chunks) => <strong>{chunks}</strong>,
              link: (chunks) =>
                href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {chunks}
                  </a>
                ) : (
                  chunks
                ),
            })}
          </li>
        ))}
      </ol>
      {note ? <p className="hint">{note}</p> : null}
    </section>
  );
}
