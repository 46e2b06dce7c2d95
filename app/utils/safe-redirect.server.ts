/**
 * The one check for redirect targets a request carries (`?next=` after sign-in): a target is
 * followed only when it is a path on this site. Browsers are lenient readers of URLs — they drop
 * tabs and newlines, treat `\` as `/`, and read `//host` as another site — so a target is refused
 * when it holds any control character, whitespace or backslash (raw or %-encoded), and is
 * otherwise resolved against the request's own origin and kept only if that origin is unchanged.
 * A refused target falls back to a safe default; it never reaches a Location header (where a
 * CR/LF would fail the response and write lines into the log).
 */

const MAX_TARGET_LENGTH = 2_000;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/;

export function safeRedirectTarget(request: Request, target: string | null | undefined, fallback: string): string {
  if (!target || target.length > MAX_TARGET_LENGTH || !target.startsWith("/")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  if (UNSAFE.test(target) || UNSAFE.test(decoded) || decoded.startsWith("//")) return fallback;
  const origin = new URL(request.url).origin;
  let resolved: URL;
  try {
    resolved = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another site
  return path.startsWith("//") ? fallback : path;
}

/** The `next` of this request's query string, when safe; otherwise `fallback`. */
export function nextFromQuery(request: Request, fallback: string): string {
  return safeRedirectTarget(request, new URL(request.url).searchParams.get("next"), fallback);
}
