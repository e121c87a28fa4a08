import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";
import { LOCALES } from "@/lib/i18n/config";

export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={setLocale} className="lang-switch" aria-label={t("label")}>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} aria-pressed={l === locale} lang={l}>
          {t(l)}
        </button>
      ))}
    </form>
  );
}
