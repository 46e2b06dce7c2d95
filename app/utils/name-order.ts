/**
 * Students in the order the reader's language sorts names: pinyin order for Chinese (吕梓萱 after
 * 李浩然), numbers by value ("Student 2" before "Student 10"), then by username. Every list of a
 * class's students uses it, so a teacher finds a name in the same place on every page (the
 * assignment page once listed them by code point while the class page used pinyin).
 */
import type { Locale } from "~/i18n/locales";

// Intl collators are costly to build: one per language per process.
const collators = new Map<Locale, Intl.Collator>();
function collatorFor(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true })));
  return collator;
}

export function byStudentName(locale: Locale): (a: { displayName: string; username: string }, b: { displayName: string; username: string }) => number {
  const collator = collatorFor(locale);
  return (a, b) => collator.compare(a.displayName, b.displayName) || a.username.localeCompare(b.username);
}
