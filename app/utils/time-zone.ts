/**
 * Wall-clock time in a named (IANA) time zone, with Intl only: a school in Shanghai sees and
 * enters times in Shanghai whatever zone the server runs in. Pure, so pages, models and tests
 * share it; the zone of the current request is read in request-scope.server.ts.
 */
import { remembering } from "./remembering";

let serverZone: string | undefined;

/**
 * The zone the server runs in: the default of a school that has not chosen one. Read once:
 * building a DateTimeFormat to ask costs ~20 µs, and every date a report prints asks.
 */
export function serverTimeZone(): string {
  return (serverZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
}

/** The school's zone as stored, when Intl knows it; else the server's (a school that never chose one). */
export function zoneOrServer(stored: string | null | undefined): string {
  return stored && isTimeZone(stored) ? stored : serverTimeZone();
}

/**
 * True for a zone Intl knows ("Asia/Shanghai", "UTC"); false for anything else. Asked on every
 * signed-in page (the school's zone rides along with the session) and twice per playground
 * exchange, and building a DateTimeFormat to find out costs ~45 µs: each answer is remembered.
 * The zones asked about are the schools' stored ones, a bounded set; the memory starts over
 * should it ever fill.
 */
export function isTimeZone(zone: string): boolean {
  return !!zone && zone.length <= 64 && intlKnows(zone);
}

const intlKnows = remembering(1_000, (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});

/** Every zone this server's Intl offers, for the settings page's list. */
export function timeZoneNames(): string[] {
  const names = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return names.includes("UTC") ? names : ["UTC", ...names];
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday, as Date#getDay. */
  weekday: number;
}

// Intl formatters are costly to build: one per zone per process.
const formatterFor = remembering(
  1_000,
  (zone: string) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
      hourCycle: "h23",
    }),
);
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * What a clock on the wall in `zone` shows at `instant`. Asking Intl (formatToParts) costs
 * ~3 µs: a class page prints ~300 dates, ~1 ms of its CPU (issue 19). So Intl is asked for the
 * zone's offset at the two ends of the instant's six hours, and when both agree the clock is
 * that offset away from UTC throughout — no zone's offset has changed twice within six hours
 * (changes are weeks apart) — and remembered for the next date in those hours. Where they
 * differ (the hours of a daylight-saving change), Intl is asked for the instant itself.
 */
export function wallClock(instant: Date, zone: string): WallClock {
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? steadyOffset(ms, zone) : null;
  if (offset === null) return askIntl(instant, zone);
  const shown = new Date(ms + offset);
  return {
    year: shown.getUTCFullYear(),
    month: shown.getUTCMonth() + 1,
    day: shown.getUTCDate(),
    hour: shown.getUTCHours(),
    minute: shown.getUTCMinutes(),
    second: shown.getUTCSeconds(),
    weekday: shown.getUTCDay(),
  };
}

const SPAN_MS = 6 * 3_600_000;

/**
 * The zone's offset throughout the six hours `ms` falls in, or null when it changes within them.
 * Per zone, the spans of a few years are remembered.
 */
function steadyOffset(ms: number, zone: string): number | null {
  return spansOf(zone)(Math.floor(ms / SPAN_MS));
}

const spansOf = remembering(1_000, (zone: string) =>
  remembering(20_000, (span: number): number | null => {
    const start = offsetAt(span * SPAN_MS, zone);
    return start === offsetAt((span + 1) * SPAN_MS, zone) ? start : null;
  }),
);

/** How far the zone's clocks are from UTC at `ms` (whole seconds: Intl shows no milliseconds). */
function offsetAt(ms: number, zone: string): number {
  const w = askIntl(new Date(ms), zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

function askIntl(instant: Date, zone: string): WallClock {
  const p: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ""),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-03-14" in the zone. */
export function wallDay(instant: Date, zone: string): string {
  const w = wallClock(instant, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** "09:05" in the zone. */
export function wallTime(instant: Date, zone: string): string {
  const w = wallClock(instant, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a clock in `zone` shows `day` ("2025-03-14") at `time` ("23:00"). Found by
 * correcting a UTC guess by the zone's offset, twice (the second pass settles a guess that fell
 * on the other side of a daylight-saving change). A time skipped by a spring-forward change
 * resolves to the moment just after it. Null for a day or time that does not exist.
 */
export function instantAt(day: string, time: string, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || h > 23 || mi > 59) return null;
  const wanted = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(wanted).getUTCDate() !== da) return null; // 2025-02-30
  const shownAt = (instant: number) => {
    const w = wallClock(new Date(instant), zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  };
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - shownAt(guess);
  // In a spring-forward gap the guess settles an hour early; one more step moves past the gap.
  const miss = wanted - shownAt(guess);
  return new Date(miss > 0 ? guess + miss : guess);
}
