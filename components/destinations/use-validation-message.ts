"use client";

import { useTranslations } from "next-intl";
import type { MessengerId } from "@/lib/messengers/ids";

/** Turns a schema message key (e.g. "url.host") into the sentence for this messenger. */
export function useValidationMessage(messenger: MessengerId) {
  const t = useTranslations("validation");
  const tm = useTranslations("messengers");
  return (key: string | undefined) =>
    key ? t(key as "url.host", { messenger: tm(`${messenger}.short`), example: tm(`${messenger}.example`) }) : undefined;
}
