/** The language every text of a teacher's report is made in, on the server, and the clock it reads. */
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { translator } from "~/i18n/catalogs.server";
import { localeOf } from "~/utils/locale-of.server";

export interface ViewContext {
  locale: Locale;
  t: Translate;
  /** "Now" for the report (tests fix it); the current time otherwise. */
  now?: Date;
}

/** The request's language and translator. */
export async function viewContextFor(request: Request): Promise<ViewContext> {
  const locale = await localeOf(request);
  return { locale, t: translator(locale) };
}

/** A view context plus what the class itself sets. */
export type ClassContext = ViewContext & { lowScorePercent: number };
