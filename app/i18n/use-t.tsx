import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./locales";
import { makeTranslate, type Messages, type Translate } from "./translate";
import { errors } from "./catalog/en/errors";

export interface I18n {
  locale: Locale;
  t: Translate;
}

/**
 * Error pages rendered when the root loader itself failed (the catalog never arrived) read the
 * English error strings, imported on their own so the browser bundle carries no whole catalog.
 */
const I18nContext = createContext<I18n>({ locale: "en", t: makeTranslate(errors, "en") });

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: makeTranslate(messages, locale) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** The language and its messages where a component stands: to render a part of the page on its own. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Gives `value` (from useI18n) to a part of the page rendered on its own (prerendered.server.tsx). */
export function I18nScope({ value, children }: { value: I18n; children: React.ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
