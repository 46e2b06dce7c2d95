import { en } from "./catalog/en";
import { zhHans } from "./catalog/zh-Hans";
import { zhHant } from "./catalog/zh-Hant";
import type { Locale } from "./locales";
import { isStaffPath } from "./staff-path";
import { makeTranslate, type Messages, type Translate } from "./translate";

export const CATALOGS: Record<Locale, Messages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

export function translator(locale: Locale): Translate {
  return makeTranslate(CATALOGS[locale]);
}

/** Areas of the catalog only teachers' and admins' pages use. */
const STAFF_AREAS = ["teach.", "admin."];

/** Built once per locale, not per request. */
const studentCatalogs = new Map<Locale, Messages>();

/**
 * The messages a page needs: everything on teachers' pages, everything but the teacher and admin
 * areas elsewhere — a third less data in every student's page.
 */
export function messagesForPath(locale: Locale, pathname: string): Messages {
  const all = CATALOGS[locale];
  if (isStaffPath(pathname)) return all;
  let slim = studentCatalogs.get(locale);
  if (!slim) {
    slim = Object.fromEntries(
      Object.entries(all).filter(([key]) => !STAFF_AREAS.some((area) => key.startsWith(area))),
    ) as Messages;
    studentCatalogs.set(locale, slim);
  }
  return slim;
}
