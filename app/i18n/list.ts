/** Lists joined as each language joins them. Browser-safe. */
import type { Locale } from "./locales";

const lists = new Map<Locale, Intl.ListFormat>();

/** "a, b, and c" in English, "a、b和c" in Chinese. */
export function listOf(items: readonly string[], locale: Locale): string {
  let format = lists.get(locale);
  if (!format) lists.set(locale, (format = new Intl.ListFormat(locale, { type: "conjunction" })));
  return format.format(items);
}

/**
 * Whole answers (each a sentence with its full stop) one after the other, joined with
 * `separator` ("; " or "；"): an answer that is not the last gives up its full stop, so the key
 * reads "…答案；小学阶段……。", never "…答案。；小学阶段……". A question or exclamation mark stays.
 */
export function joinAnswers(items: readonly string[], separator: string): string {
  return items.map((item, i) => (i < items.length - 1 ? item.replace(/[.。．;；]+$/u, "") : item)).join(separator);
}

/**
 * `label` followed by a colon as the reader's language writes it (`colon`: ": " or "："), unless
 * it already ends in a question or exclamation mark: "大语言模型是什么？教师指南", never "？：".
 */
export function withColon(label: string, colon: string): string {
  if (!/[?？!！:：]$/u.test(label)) return label + colon;
  return colon.endsWith(" ") ? `${label} ` : label;
}

/**
 * An item written for a list ("violence", "self-harm"), shown on its own as a label: "Violence".
 * Chinese has no capitals and stays as it is.
 */
export function alone(item: string): string {
  return item.charAt(0).toUpperCase() + item.slice(1);
}
