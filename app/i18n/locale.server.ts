/**
 * Which language a request is served in: `?lang=` (remembered in a cookie), then the cookie,
 * then the signed-in user's preference, then Accept-Language.
 */
import { createCookie } from "@remix-run/node";
import { isLocale, negotiateAcceptLanguage, type Locale } from "./locales";

/** Not HttpOnly and not Secure-only: a language choice is no secret, and it is the same over HTTP. */
const langCookie = createCookie("lantern_lang", { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });

/** The Set-Cookie header that remembers this language choice. */
export function rememberLocale(locale: Locale): Promise<string> {
  return langCookie.serialize(locale);
}

export interface LocaleChoice {
  locale: Locale;
  /** Set when `?lang=` asked for a change that should be remembered. */
  setCookie: string | null;
}

export async function resolveLocale(request: Request, userLocale?: string | null): Promise<LocaleChoice> {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) {
    return { locale: fromQuery, setCookie: await rememberLocale(fromQuery) };
  }
  const cookies = request.headers.get("Cookie");
  const fromCookie: unknown = await langCookie.parse(cookies);
  if (isLocale(fromCookie)) return { locale: fromCookie, setCookie: null };
  // A choice remembered before cookies were written by createCookie holds the bare name
  // ("zh-Hans"): honour it, and rewrite it in the current form.
  const earlier = /(?:^|;\s*)lantern_lang=([\w-]+)(?:;|$)/.exec(cookies ?? "")?.[1];
  if (isLocale(earlier)) return { locale: earlier, setCookie: await rememberLocale(earlier) };
  if (isLocale(userLocale)) return { locale: userLocale, setCookie: null };
  return { locale: negotiateAcceptLanguage(request.headers.get("Accept-Language")), setCookie: null };
}
