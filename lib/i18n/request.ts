import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSettings } from "@/db/queries/settings";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";
import { formats } from "./formats";

// Korean unless the visitor chose otherwise with the header switch; no locale in URLs.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return {
    locale,
    // The console shows times in the workspace zone chosen under 상담 안내 (시간대).
    timeZone: getSettings().timeZone,
    formats,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
