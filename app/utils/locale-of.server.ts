import { resolveLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { getSessionUser } from "./session.server";

/** The locale a loader or action should answer in (same rules as the root loader). */
export async function localeOf(request: Request): Promise<Locale> {
  const user = await getSessionUser(request);
  return (await resolveLocale(request, user?.locale)).locale;
}
