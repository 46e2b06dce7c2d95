/**
 * The session cookie, through Remix's cookie helper (attributes and encoding in one place). Its
 * own module, free of the database, so the test and bench harnesses that make sessions directly
 * write the very cookie the server reads.
 */
import { createCookie } from "@remix-run/node";

const options = { path: "/", httpOnly: true, sameSite: "lax" } as const;
const plainCookie = createCookie("lantern_session", options);
/** Over HTTPS the __Host- prefix pins the cookie to this host, path / and Secure. */
const hostCookie = createCookie("__Host-lantern_session", { ...options, secure: true });

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/** The session cookie a request over this scheme uses. */
export function sessionCookieFor(request: Request) {
  return isHttps(request) ? hostCookie : plainCookie;
}

/** The session token the request carries, or null (absent, or not a value this server wrote). */
export async function sessionTokenOf(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  const cookie = sessionCookieFor(request);
  const token: unknown = await cookie.parse(header);
  if (typeof token === "string" && token !== "") return token;
  // A session begun before the cookie helpers holds the bare token (32 random bytes, base64url):
  // still honoured, so an upgrade signs no one out in the middle of a lesson. It is checked
  // against the sessions table like any other token.
  const bare = new RegExp(`(?:^|;\\s*)${cookie.name}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(header ?? "")?.[1];
  return bare ?? null;
}

/**
 * Whether the request carries a session cookie under either name (valid or not): what it gets
 * back may be private, so no browser or proxy may store it.
 */
export async function carriesSessionCookie(request: Request): Promise<boolean> {
  const header = request.headers.get("Cookie");
  return (await plainCookie.parse(header)) !== null || (await hostCookie.parse(header)) !== null;
}
