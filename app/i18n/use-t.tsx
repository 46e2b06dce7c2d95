import { createContext, useContext, useMemo } from "react";
import type { Locale } from "./locales";
import { makeTranslate, type Messages, type Translate } from "./translate";
import type { MessageKey } from "./catalog/en";

interface I18n {
  locale: Locale;
  t: Translate;
}

/**
 * Serves error pages rendered when the root loader itself failed (the catalog never arrived).
 * Only these few strings, so the browser bundle does not carry a whole catalog.
 */
const FALLBACK: Partial<Record<MessageKey, string>> = {
  "error.title": "Something went wrong",
  "error.body": "Sorry — this page could not be shown. Please try again in a moment.",
  "error.backHome": "Back to the home page",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "We couldn't find that page. It may have moved, or you may not have access to it.",
};
const I18nContext = createContext<I18n>({ locale: "en", t: makeTranslate(FALLBACK as Messages) });

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: makeTranslate(messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
