import { getTranslations } from "next-intl/server";
import styles from "./api-examples.module.css";
import { CopyButton } from "./copy-button";
import { curlExamples } from "./curl-examples";

/** API 키 > 사용 예: copyable curl for dispatch, a dry run and the destinations, and the OpenAPI link. */
export async function ApiExamples({ baseUrl }: { baseUrl: string }) {
  const t = await getTranslations("apiKeys.examples");
  return (
    <section className={`card ${styles.examples}`} aria-labelledby="api-examples-title">
      <div>
        <h2 id="api-examples-title">{t("title")}</h2>
        <p className="hint">
          {t("lead")}{" "}
          <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
            {t("openapi")}
          </a>
        </p>
      </div>
      {curlExamples(baseUrl).map(({ id, command }) => (
        <div key={id} className={styles.example} data-testid={`curl-${id}`}>
          <div className={styles.head}>
            <h3 id={`curl-${id}-title`}>{t(`${id}.title`)}</h3>
            <CopyButton text={command} label={t("copy")} copiedLabel={t("copied")} describedBy={`curl-${id}-title`} />
          </div>
          <p className="hint">{t(`${id}.hint`)}</p>
          <pre className={styles.code}>
            <code>{command}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}
