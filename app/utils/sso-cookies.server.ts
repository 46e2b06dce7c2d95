/**
 * Short-lived cookies of an SSO sign-in: the state this browser was given (binds the callback to
 * the browser that started it) and an identity waiting for its teacher's password (sealed).
 * HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET), Secure over HTTPS.
 */
import { readCookie } from "~/i18n/locale.server";
import { isHttps } from "./session.server";

const STATE = "lantern_sso_state";
const PENDING = "lantern_sso_link";
const TEN_MINUTES = 600;

function cookie(request: Request, name: string, value: string, maxAge: number): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/auth/oidc", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

export const stateCookie = (request: Request, state: string) => cookie(request, STATE, state, TEN_MINUTES);
export const clearStateCookie = (request: Request) => cookie(request, STATE, "", 0);
export const readStateCookie = (request: Request) => readCookie(request, STATE);

export const pendingLinkCookie = (request: Request, sealed: string) => cookie(request, PENDING, sealed, TEN_MINUTES);
export const clearPendingLinkCookie = (request: Request) => cookie(request, PENDING, "", 0);
export const readPendingLinkCookie = (request: Request) => readCookie(request, PENDING);

/** Where the provider sends the browser back: this server's own callback route. */
export function callbackUri(request: Request): string {
  return `${new URL(request.url).origin}/auth/oidc/callback`;
}
