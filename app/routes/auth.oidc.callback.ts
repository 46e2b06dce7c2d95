import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { completeSsoLogin } from "~/models/sso.server";
import { homeFor } from "~/utils/auth.server";
import { safeRedirectTarget } from "~/utils/safe-redirect.server";
import { createSession } from "~/utils/session.server";
import { clearStateCookie, pendingLinkCookie, readStateCookie } from "~/utils/sso-cookies.server";

/**
 * GET /auth/oidc/callback: the provider sends the browser back here with a code. Every refusal
 * goes back to the sign-in page, which names the reason in the user's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const started = await readStateCookie(request);
  const result = await completeSsoLogin(new URL(request.url), started?.state ?? null);
  const headers = new Headers({ "Set-Cookie": await clearStateCookie(request) });
  if (result.ok === true) {
    headers.append("Set-Cookie", await createSession(request, result.userId, { sharedComputer: started?.sharedComputer }));
    return redirect(safeRedirectTarget(request, result.next, homeFor(result)), { headers });
  }
  if (result.ok === "confirm") {
    headers.append("Set-Cookie", await pendingLinkCookie(request, result.pending));
    return redirect("/auth/oidc/link", { headers });
  }
  return redirect(`/signin?sso=${result.reason}`, { headers });
}
