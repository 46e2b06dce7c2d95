/** Formatting shared by the widgets and their fallbacks (pure: safe in the lesson's main bundle). */
import type { Locale } from "~/course/types";

/** Makes spaces, tabs and line breaks visible inside a token ("·the" for " the"). */
export function visiblePiece(text: string): string {
  return text.replace(/ /g, "·").replace(/\t/g, "→").replace(/\r?\n/g, "↵");
}

/** "24.2%" / "24,2 %" style, with "<0.1%" for tiny values so nothing reads as zero. */
export function percent(p: number, locale: Locale, digits = 1): string {
  if (p > 0 && p < 0.001) return `<${formatNumber(0.1, locale, 1)}%`;
  const fixed = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${fixed.format(p * 100)}%`;
}

export function formatNumber(n: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** What goes between two sentences: a space in English, nothing after a Chinese full stop. */
export function sentenceGap(locale: Locale): string {
  return locale.startsWith("zh") ? "" : " ";
}
