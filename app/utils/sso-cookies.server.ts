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

/**
 * The state, and whether the sign-in began with "This is a shared computer" ticked: a fact about
 * this browser, so it travels with it (".shared" after the state, which is base64url: never a dot).
 */
export interface StartedHere {
  state: string;
  sharedComputer: boolean;
}

const SHARED_MARK = ".shared";

export const stateCookie = (request: Request, started: StartedHere) =>
  write(state, request, started.sharedComputer ? `${started.state}${SHARED_MARK}` : started.state);
export const clearStateCookie = (request: Request) => clear(state, request);
export async function readStateCookie(request: Request): Promise<StartedHere | null> {
  const value = await read(state, request);
  if (value === null) return null;
  const sharedComputer = value.endsWith(SHARED_MARK);
  return { state: sharedComputer ? value.slice(0, -SHARED_MARK.length) : value, sharedComputer };
}

export const pendingLinkCookie = (request: Request, sealed: string) => write(pending, request, sealed);
export const clearPendingLinkCookie = (request: Request) => clear(pending, request);
export const readPendingLinkCookie = (request: Request) => read(pending, request);
