/**
 * Each locale's catalog as two static assets — the part every page uses and the part only
 * teachers' and admins' pages use — named by a hash of their content, so a browser may cache
 * them for good (`immutable`) and a changed string gets a new URL. Built once at start.
 */
import { hashedAsset, registerAsset, type HashedAsset } from "~/assets/hashed-asset.server";
import { CATALOGS } from "./catalogs.server";
import { messagesOf } from "./catalog-store";
import { LOCALES, type Locale } from "./locales";
import { isStaffPath } from "./staff-path";
import type { Messages } from "./translate";

/** Areas of the catalog only teachers' and admins' pages use. */
export const STAFF_AREAS = ["teach.", "admin."];
/**
 * Areas no browser translates, sent to pages already written: text Lantern writes to the model,
 * and the support card, whose words follow the language of the student's message, not the page's
 * (support-card-view.server.ts).
 */
export const SERVER_AREAS = ["modelPrompt.", "safeguarding.card."];
export const CATALOG_PATH = "/i18n/";

type Part = "student" | "staff";

const isStaffKey = (key: string) => STAFF_AREAS.some((area) => key.startsWith(area));
const isServerKey = (key: string) => SERVER_AREAS.some((area) => key.startsWith(area));

/** The asset of one part of a catalog: its URL carries a hash of exactly these bytes. */
export function catalogAsset(locale: Locale, part: Part, messages: Messages): HashedAsset {
  const entries = Object.entries(messages).filter(([key]) => !isServerKey(key) && isStaffKey(key) === (part === "staff"));
  return hashedAsset(CATALOG_PATH, `${locale}.${part}`, Object.fromEntries(entries));
}

const assets = new Map<Locale, Record<Part, HashedAsset>>();
const byUrl = new Map<string, HashedAsset>();
for (const locale of LOCALES) {
  const parts = { student: catalogAsset(locale, "student", CATALOGS[locale]), staff: catalogAsset(locale, "staff", CATALOGS[locale]) };
  assets.set(locale, parts);
  for (const asset of Object.values(parts)) {
    byUrl.set(asset.url, asset);
    registerAsset(asset); // server rendering reads the same messages the browser will fetch
  }
}

/** The catalog assets a page needs: the student part everywhere, the staff part on staff pages. */
export function catalogUrlsFor(locale: Locale, pathname: string): string[] {
  const parts = assets.get(locale)!;
  return isStaffPath(pathname) ? [parts.student.url, parts.staff.url] : [parts.student.url];
}

/** The JSON of the asset at this URL path, or null (unknown, or an old hash). */
export function catalogAssetAt(pathname: string): string | null {
  return byUrl.get(pathname)?.json ?? null;
}

/**
 * The messages a page renders with: everything on teachers' pages, everything but the teacher and
 * admin areas elsewhere — a third less for every student's browser to fetch. Never the server
 * areas (those are read with `translator()`).
 */
export function messagesForPath(locale: Locale, pathname: string): Messages {
  return messagesOf(catalogUrlsFor(locale, pathname));
}
