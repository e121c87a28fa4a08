"use client";

import { useTranslations } from "next-intl";
import type { PreviewModel } from "@/lib/destinations/preview";

// The sample as it arrives, drawn as a neutral card: the text and fields the messenger receives,
// not an imitation of its look. Plain-text messengers show their exact text.

export function PreviewMessageView({ preview }: { preview: PreviewModel }) {
  const t = useTranslations("preview");
  const { message } = preview;
  const name = preview.destination || "—";
  return (
    <div className={`preview-card${preview.received ? "" : " skipped"}`}>
      <p className="preview-to">
        {preview.channel ? t("destinationChannel", { name, channel: preview.channel }) : t("destination", { name })}
      </p>
      <p className={preview.received ? "preview-verdict ok" : "preview-verdict skipped"}>
        <strong>{preview.received ? t("received") : t("notReceived")}</strong> {preview.received ? t("sampleReceived") : t("sampleSkipped")}
      </p>
      {message.kind === "text" ? (
        <>
          <p className="hint">{t("plainText")}</p>
          {message.subject ? <p className="preview-title">{t("subject", { subject: message.subject })}</p> : null}
          <pre className="preview-text">{message.text}</pre>
        </>
      ) : (
        <>
          <p className="preview-title">{message.title}</p>
          {message.summary ? <p>{message.summary}</p> : null}
          <dl className="preview-fields">
            {message.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          {message.message ? <p className="preview-message">{message.message}</p> : null}
          {message.linkLabel ? (
            <p className="preview-link">
              <span className="visually-hidden">{t("link")}: </span>
              <span className="preview-button">{message.linkLabel}</span>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
