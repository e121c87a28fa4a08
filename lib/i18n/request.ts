import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, TIME_ZONE } from "./config";
import { LOCALE_COOKIE } from "./config";
import { formats } from "./formats";

// Korean unless the visitor chose otherwise with the header switch; no locale in URLs.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    formats,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
