import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./locales";
import { makeTranslate, type Messages, type Translate } from "./translate";
import { errors } from "./catalog/en/errors";

interface I18n {
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
