/**
 * Plural messages. A catalog entry whose wording depends on a number is an object of CLDR plural
 * forms — `{ one: "Added {count} student.", other: "Added {count} students." }` — and the form is
 * chosen by `Intl.PluralRules` for the reader's locale. Chinese has one form, `other`: its entry
 * is `{ other: "…" }`, worded so it reads right for any number. Browser-safe, no catalogs here.
 */
import type { Locale } from "./locales";

export type PluralCategory = Intl.LDMLPluralRule;
export type PluralForms = { readonly [C in PluralCategory]?: string } & { readonly other: string };
/** One catalog entry: plain text, or plural forms chosen by the `{count}` parameter. */
export type Message = string | PluralForms;

const rules = new Map<Locale, Intl.PluralRules>();

function rulesFor(locale: Locale): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) rules.set(locale, (found = new Intl.PluralRules(locale)));
  return found;
}

/** The form of `forms` that `count` takes in `locale` (`other` when the locale has no such form). */
export function pluralForm(forms: PluralForms, count: number, locale: Locale): string {
  return forms[rulesFor(locale).select(count)] ?? forms.other;
}

/** Every text of an entry: the entry itself, or each of its plural forms (for checks over a catalog). */
export function messageTexts(message: Message): string[] {
  return typeof message === "string" ? [message] : Object.values(message as Record<string, string>);
}
