/**
 * Time zones as a reader of the page's language knows them: "中国标准时间", "北美东部时间（纽约）",
 * "Central European Time (France)", while the value stored stays the IANA id. Intl.DisplayNames
 * has no time zones, so the names come from Intl.DateTimeFormat's zone names: the generic name
 * ("longGeneric": the same in summer and winter) plus the place ICU names the zone after (its
 * "generic location" form, which "shortGeneric" gives where the locale has no abbreviation).
 * Building a formatter per zone costs ~30 µs and there are ~420 zones: the lists are made on the
 * server once per language (and day, for the offsets) and remembered.
 */
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import { remembering } from "./remembering";
import { timeZoneNames } from "./time-zone";

export interface TimeZoneOption {
  /** The IANA id, as stored: "Asia/Shanghai". */
  id: string;
  label: string;
}

/** The zones whose clocks are the same distance from UTC today, under that distance. */
export interface TimeZoneGroup {
  offset: string;
  zones: TimeZoneOption[];
}

/**
 * ICU's "generic location" form, "{place} Time" / "{place}时间": what is left without it is the
 * place. A form that does not match (an abbreviation such as "ET", which en and zh-Hant use
 * for North America) yields no place.
 */
const LOCATION_FORM: Record<Locale, RegExp> = { en: /^(.+) Time$/, "zh-Hans": /^(.+)时间$/, "zh-Hant": /^(.+)時間$/ };

/**
 * Where ICU's 繁體中文 abbreviates North America's and Africa's zones ("ET", "GMT") and so names
 * no place, Cantonese in traditional characters has the place names (紐約, 迦納), close to Taiwan's usage.
 */
const PLACE_FALLBACK: Partial<Record<Locale, string>> = { "zh-Hant": "yue-Hant" };

function zoneName(zone: string, locale: string, style: "longGeneric" | "shortGeneric" | "longOffset"): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(new Date());
  return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** The zone's city from its IANA id ("America/Indiana/Knox" → "Knox"): when ICU names no place. */
function cityOfId(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/**
 * "{name} ({place})", the place left out when the name already says it ("中国标准时间" is the
 * zone of 中国; "Ürümqi Time" of Ürümqi).
 */
const labelOf = remembering(3_000, (key: string): string => {
  const [locale, zone] = key.split("|") as [Locale, string];
  const t = translator(locale);
  if (zone === "UTC") return t("admin.settings.timeZoneUtc");
  const name = zoneName(zone, locale, "longGeneric");
  const fallback = PLACE_FALLBACK[locale];
  const location = (tag: string) => LOCATION_FORM[locale].exec(zoneName(zone, tag, "shortGeneric"))?.[1];
  const place = location(locale) ?? (fallback ? location(fallback) : undefined) ?? cityOfId(zone);
  return name.includes(place) ? name : t("admin.settings.timeZoneAt", { name, place });
});

/** The zone as the page's language names it; the IANA id stays what is stored and sent. */
export function timeZoneLabel(zone: string, locale: Locale): string {
  return labelOf(`${locale}|${zone}`);
}

/** Minutes east of UTC now, from "GMT+05:30" ("GMT" alone is UTC itself). */
function offsetMinutes(zone: string): number {
  const m = /([+-])(\d{2}):(\d{2})/.exec(zoneName(zone, "en", "longOffset"));
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Every zone's offset on one day: the same for every language, so asked once. */
const offsetsOn = remembering(2, (_day: string) => new Map(timeZoneNames().map((id) => [id, offsetMinutes(id)])));

function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `GMT${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Every zone, grouped by today's distance from UTC (west to east), each group in the language's
 * alphabetical order (pinyin for Chinese). Two zones that would read the same in one group (the
 * many cities of "Eastern Time") are told apart by their city.
 */
const groupsOf = remembering(12, (key: string): TimeZoneGroup[] => {
  const [locale, day] = key.split("|") as [Locale, string];
  const t = translator(locale);
  const byOffset = new Map<number, TimeZoneOption[]>();
  for (const [id, minutes] of offsetsOn(day)) {
    byOffset.set(minutes, [...(byOffset.get(minutes) ?? []), { id, label: timeZoneLabel(id, locale) }]);
  }
  const collator = new Intl.Collator(locale);
  return [...byOffset.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minutes, zones]) => {
      const seen = new Map<string, number>();
      for (const z of zones) seen.set(z.label, (seen.get(z.label) ?? 0) + 1);
      const told = zones.map((z) => ((seen.get(z.label) ?? 0) > 1 ? { ...z, label: t("admin.settings.timeZoneAt", { name: z.label, place: cityOfId(z.id) }) } : z));
      return { offset: offsetLabel(minutes), zones: told.sort((a, b) => collator.compare(a.label, b.label)) };
    });
});

/** The settings page's list in the page's language; offsets change with daylight saving, so it is made again each day. */
export function timeZoneGroups(locale: Locale, now = new Date()): TimeZoneGroup[] {
  return groupsOf(`${locale}|${now.toISOString().slice(0, 10)}`);
}
