/**
 * Dates on the school's clocks (the request's time zone: the school's, else the server's), for
 * every page, e-mail and export: a teacher in Shanghai reads Shanghai times whatever zone the
 * server runs in, and the page and the CSV agree. "Today" starts at the school's midnight.
 */
import { currentTimeZone } from "./request-scope.server";
import { instantAt, wallClock, wallDay } from "./time-zone";

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

/** The school's date today ("2025-03-14"): the day "active today" and the usage charts count. */
export function schoolToday(now = new Date()): string {
  return wallDay(now, currentTimeZone());
}

/**
 * The instant the school's day began: its midnight, in its zone (where a daylight-saving change
 * skips midnight, the first moment of the day that exists).
 */
export function startOfSchoolDay(now = new Date()): Date {
  return instantAt(schoolToday(now), "00:00", currentTimeZone()) ?? now;
}

/** The `n` school days up to today, oldest first ("2025-03-01" … "2025-03-14"). */
export function lastSchoolDays(n: number, now = new Date()): string[] {
  const [y, m, d] = schoolToday(now).split("-").map(Number) as [number, number, number];
  // calendar arithmetic on the date itself: a daylight-saving change never skips or repeats a day
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1, d - (n - 1 - i))).toISOString().slice(0, 10));
}
