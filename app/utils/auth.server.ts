/**
 * Named guards, called at the top of every loader and action. Each returns the acting user or
 * throws a Response: a redirect to sign in, or a 404 when the thing exists but is not theirs
 * (a 404, not a 403, so ids of other people's things reveal nothing).
 */
import { redirect } from "@remix-run/node";
import { getSessionUser, type SessionUser } from "./session.server";
import { notFound } from "./http.server";
import { nextFromQuery } from "./safe-redirect.server";

export type Role = SessionUser["role"];
export type { SessionUser };

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  throw redirect(`/signin?next=${encodeURIComponent(next)}`);
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) signInRedirect(request);
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) notFound();
  return user;
}

/** Teachers and admins (an admin is also a teacher of their own classes). */
export function requireStaff(request: Request): Promise<SessionUser> {
  return requireRole(request, "teacher", "admin");
}

export function requireAdmin(request: Request): Promise<SessionUser> {
  return requireRole(request, "admin");
}

/**
 * Only for pages that must not be seen signed in (sign-in, sign-up): go where the sign-in link
 * was meant to lead (`?next=`, when safe), or home.
 */
export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getSessionUser(request);
  if (user) throw redirect(nextFromQuery(request, homeFor(user)));
}

export function homeFor(user: Pick<SessionUser, "role">): string {
  return user.role === "student" ? "/learn" : "/teach";
}
