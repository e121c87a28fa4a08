"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useRef, useState, useTransition } from "react";
import { previewDestination } from "@/app/(console)/settings/integrations/alerts/preview-action";
import { EVENT_TYPES, type EventType } from "@/lib/alerts/types";
import type { PreviewModel } from "@/lib/destinations/preview";
import { EVENT_LABEL_KEYS } from "@/lib/destinations/routing";
import type { MessengerId } from "@/lib/messengers/ids";
import { PreviewMessageView } from "./preview-message";
import { PreviewRules } from "./preview-rules";

// 미리보기: the server renders the sample with the messenger's real adapter (previewDestination);
// this section asks again, 300 ms after the last edit of a field that shapes it, and shows only
// the answer to the latest request.

const WATCHED = new Set(["name", "channel", "routeEvents", "routeChannels", "routeTeams"]);
const DEBOUNCE_MS = 300;

/**
 * The form's values as FormData would post them, but disabled fields included: a 뷰어's form is
 * one disabled fieldset, and its preview should show the saved values.
 */
function fieldValues(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || ((el.type === "checkbox" || el.type === "radio") && !el.checked)) continue;
    out.push([el.name, el.value]);
  }
  return out;
}

interface Props {
  messenger: MessengerId;
  formRef: RefObject<HTMLFormElement | null>;
}

export function DestinationPreview({ messenger, formRef }: Props) {
  const t = useTranslations();
  const [event, setEvent] = useState<EventType>("message.submitted");
  const [preview, setPreview] = useState<PreviewModel | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const latest = useRef(0);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const request = () => {
      const data = fieldValues(form);
      const all = (name: string) => data.filter(([n]) => n === name).map(([, v]) => v);
      const one = (name: string) => all(name)[0];
      const channel = one("channel");
      const input = {
        messenger,
        name: one("name") ?? "",
        ...(channel !== undefined ? { channel } : {}),
        routing: { routeEvents: all("routeEvents"), routeChannels: all("routeChannels"), routeTeams: one("routeTeams") ?? "" },
        event,
      };
      const id = ++latest.current;
      startTransition(async () => {
        const result = await previewDestination(input);
        if (id !== latest.current) return; // a newer edit asked since: its answer wins
        setFailed(!result.ok);
        if (result.ok) setPreview(result.preview);
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEdit = (e: Event) => {
      if (!WATCHED.has((e.target as HTMLInputElement).name)) return;
      clearTimeout(timer);
      timer = setTimeout(request, DEBOUNCE_MS);
    };
    request();
    form.addEventListener("input", onEdit);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onEdit);
    };
  }, [formRef, messenger, event]);

  return (
    <section className="preview" aria-labelledby="preview-heading" aria-live="polite" aria-busy={pending}>
      <h2 id="preview-heading">{t("preview.heading")}</h2>
      <p className="hint">{t("preview.lead")}</p>
      <fieldset className="preview-events">
        <legend>{t("preview.event")}</legend>
        {EVENT_TYPES.map((e) => (
          <label className="checkbox chip" key={e} htmlFor={`preview-event-${e}`}>
            <input
              id={`preview-event-${e}`}
              type="radio"
              name="previewEvent"
              value={e}
              checked={event === e}
              onChange={() => setEvent(e)}
            />
            {t(`log.events.${EVENT_LABEL_KEYS[e]}`)}
          </label>
        ))}
      </fieldset>
      {failed ? <p className="error">{t("preview.failed")}</p> : null}
      {preview ? (
        <>
          <PreviewMessageView preview={preview} />
          <PreviewRules rows={preview.rows} />
        </>
      ) : (
        <p className="hint">{t("preview.loading")}</p>
      )}
    </section>
  );
}
