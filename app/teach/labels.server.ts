/**
 * The words and numbers the teacher's reports show, formatted once on the server in the
 * teacher's language. The page and every export take their text from here, so a CSV can never
 * disagree with the screen. Dates and times are the school's (app/utils/school-time.server.ts).
 */
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { formatDate } from "~/utils/school-time.server";

// Intl formatters are costly to build (tens of microseconds each): build each once per process.
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

/** "12 min", "1 h 5 min", "< 1 min" — time spent, in the reader's language. */
export function formatDuration(seconds: number, t: Translate): string {
  if (seconds <= 0) return "";
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return t("teach.dash.time.underMinute");
  if (minutes < 60) return t("teach.dash.time.minutes", { n: minutes });
  return t("teach.dash.time.hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/**
 * Intl writes "3分钟前"; the pages write a half-width space between Chinese and digits
 * ("学习时长：12 分钟"), so the relative time follows the same rule.
 */
const spacedDigits = (text: string) => text.replace(/(\d)(?=[\u4e00-\u9fff])/gu, "$1 ").replace(/([\u4e00-\u9fff])(?=\d)/gu, "$1 ");

/** "3 minutes ago", "yesterday", "3 分钟前" — Intl does the grammar of each language. */
export function formatAgo(value: string | Date | null | undefined, now: Date, locale: Locale, t: Translate): string {
  const d = value == null ? null : value instanceof Date ? value : new Date(value);
  if (!d || Number.isNaN(d.getTime())) return t("teach.dash.never");
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  let rtf = relative.get(locale);
  if (!rtf) relative.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  const abs = Math.abs(seconds);
  if (abs < 60) return t("teach.dash.justNow");
  let ago: string;
  if (abs < 3600) ago = rtf.format(Math.round(seconds / 60), "minute");
  else if (abs < 86_400) ago = rtf.format(Math.round(seconds / 3600), "hour");
  else if (abs < 7 * 86_400) ago = rtf.format(Math.round(seconds / 86_400), "day");
  else return formatDate(d);
  return locale === "en" ? ago : spacedDigits(ago);
}

/** "42%" from a ratio; an empty string when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return "";
  return `${Math.round((100 * part) / whole)}%`;
}

/** "7.5/9": a score with at most one decimal (half points come from the overconfidence rule). */
export function formatScore(score: number, total: number, t: Translate): string {
  return t("teach.dash.score", { score: Math.round(score * 10) / 10, total });
}
