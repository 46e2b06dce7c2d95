/**
 * Locale rules shared by server and browser. Pure: no catalogs here, so importing it costs
 * nothing in the browser bundle.
 */
export const LOCALES = ["en", "zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps any BCP 47 tag to one of our locales: zh-TW, zh-HK, zh-MO and zh-Hant* read Traditional;
 * other Chinese tags read Simplified; everything else falls back to English.
 */
export function localeFromTag(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (!t) return null;
  if (t === "en" || t.startsWith("en-")) return "en";
  if (t === "zh" || t.startsWith("zh-") || t.startsWith("zh_")) {
    if (/hant|-tw|-hk|-mo|_tw|_hk/.test(t)) return "zh-Hant";
    return "zh-Hans";
  }
  return null;
}

/** Picks the best locale from an Accept-Language header, honouring q-values. */
export function negotiateAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const locale = localeFromTag(r.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The value for <html lang>. */
export function htmlLang(locale: Locale): string {
  return locale;
}
