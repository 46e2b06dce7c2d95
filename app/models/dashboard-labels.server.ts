/**
 * The words and numbers the teacher dashboard shows, formatted once on the server. The page and
 * every export take their text from here, so a CSV can never disagree with the screen.
 */
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { currentTimeZone } from "~/utils/request-scope.server";
import { wallClock } from "~/utils/time-zone";

// Intl formatters are costly to build (tens of microseconds each): build each once per process.
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

/** The wall clock in the school's time zone (the request's): the page and the CSV agree. */
function parts(value: Date): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  const w = wallClock(value, currentTimeZone());
  const two = (n: number) => String(n).padStart(2, "0");
  return { year: String(w.year), month: two(w.month), day: two(w.day), hour: two(w.hour), minute: two(w.minute), second: two(w.second) };
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value == null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2025-03-14 09:05": unambiguous in every language and sorts correctly in a spreadsheet. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return "";
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "09:05:42": when a live view was last refreshed. */
export function formatTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return "";
  const p = parts(d);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "2025-03-14". */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return "";
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "12 min", "1 h 5 min", "< 1 min" — time spent, in the reader's language. */
export function formatDuration(seconds: number, t: Translate): string {
  if (seconds <= 0) return "";
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return t("teach.dash.time.underMinute");
  if (minutes < 60) return t("teach.dash.time.minutes", { n: minutes });
  return t("teach.dash.time.hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** "3 minutes ago", "yesterday", "3分钟前" — Intl does the grammar of each language. */
export function formatAgo(value: string | Date | null | undefined, now: Date, locale: Locale, t: Translate): string {
  const d = toDate(value);
  if (!d) return t("teach.dash.never");
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  let rtf = relative.get(locale);
  if (!rtf) relative.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  const abs = Math.abs(seconds);
  if (abs < 60) return t("teach.dash.justNow");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
  return formatDate(d);
}

/** "42%" from a ratio; an empty string when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return "";
  return `${Math.round((100 * part) / whole)}%`;
}
