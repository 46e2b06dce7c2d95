/** Lists joined as each language joins them. Browser-safe. */
import type { Locale } from "./locales";

const lists = new Map<Locale, Intl.ListFormat>();

/** "a, b, and c" in English, "a、b和c" in Chinese. */
export function listOf(items: readonly string[], locale: Locale): string {
  let format = lists.get(locale);
  if (!format) lists.set(locale, (format = new Intl.ListFormat(locale, { type: "conjunction" })));
  return format.format(items);
}
