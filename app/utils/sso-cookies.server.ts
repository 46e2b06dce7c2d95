/**
 * Short-lived cookies of an SSO sign-in: the state this browser was given (binds the callback to
 * the browser that started it) and an identity waiting for its teacher's password (sealed).
 * HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET), Secure over HTTPS.
 */
import { createCookie, type Cookie } from "@remix-run/node";
import { isHttps } from "./session-cookie.server";

const TEN_MINUTES = 600;
const options = { path: "/auth/oidc", httpOnly: true, sameSite: "lax", maxAge: TEN_MINUTES } as const;
const state = createCookie("lantern_sso_state", options);
const pending = createCookie("lantern_sso_link", options);

const write = (cookie: Cookie, request: Request, value: string) => cookie.serialize(value, { secure: isHttps(request) });
const clear = (cookie: Cookie, request: Request) => cookie.serialize("", { secure: isHttps(request), maxAge: 0 });
async function read(cookie: Cookie, request: Request): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value !== "" ? value : null;
}

export const stateCookie = (request: Request, value: string) => write(state, request, value);
export const clearStateCookie = (request: Request) => clear(state, request);
export const readStateCookie = (request: Request) => read(state, request);

export const pendingLinkCookie = (request: Request, sealed: string) => write(pending, request, sealed);
export const clearPendingLinkCookie = (request: Request) => clear(pending, request);
export const readPendingLinkCookie = (request: Request) => read(pending, request);
