/**
 * Which language a request is served in: `?lang=` (remembered in a cookie), then the cookie,
 * then the signed-in user's preference, then Accept-Language.
 */
import { isLocale, negotiateAcceptLanguage, type Locale } from "./locales";

export const LANG_COOKIE = "lantern_lang";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface LocaleChoice {
  locale: Locale;
  /** Set when `?lang=` asked for a change that should be remembered. */
  setCookie: string | null;
}

export function resolveLocale(request: Request, userLocale?: string | null): LocaleChoice {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) {
    return { locale: fromQuery, setCookie: langCookie(fromQuery) };
  }
  const fromCookie = readCookie(request, LANG_COOKIE);
  if (isLocale(fromCookie)) return { locale: fromCookie, setCookie: null };
  if (isLocale(userLocale)) return { locale: userLocale, setCookie: null };
  return { locale: negotiateAcceptLanguage(request.headers.get("Accept-Language")), setCookie: null };
}

export function langCookie(locale: Locale): string {
  return `${LANG_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
