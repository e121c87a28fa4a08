import { getTranslations } from "next-intl/server";
import type { MessengerId } from "@/lib/messengers/ids";
import messages from "@/messages/ko.json";

// The official guides the product links to (there is no public API doc for these two).
const OFFICIAL_GUIDES: Partial<Record<MessengerId, string>> = {
  hiworks: "https://customer.gabia.com/manuals/detail_pop.php?seq_no=2755",
  agit: "https://agit.io/apps/19",
};

/** The seed help page's steps for one messenger, as numbered steps beside its form. */
export async function SetupGuide({ messenger }: { messenger: MessengerId }) {
  const t = await getTranslations("guides");
  // Step numbers come from the catalogue itself; both languages have the same keys (tested).
  const steps = Object.keys(messages.guides[messenger].steps) as (keyof (typeof messages.guides)["slack"]["steps"])[];
  const note = t(`${messenger}.note`);
  const href = OFFICIAL_GUIDES[messenger];
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
