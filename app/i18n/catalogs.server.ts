import { en } from "./catalog/en";
import { zhHans } from "./catalog/zh-Hans";
import { zhHant } from "./catalog/zh-Hant";
import type { Locale } from "./locales";
import { makeTranslate, type Messages, type Translate } from "./translate";

export const CATALOGS: Record<Locale, Messages> = { en, "zh-Hans": zhHans, "zh-Hant": zhHant };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

export function translator(locale: Locale): Translate {
  return makeTranslate(CATALOGS[locale], locale);
}
