import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { spend } from "~/models/request-rates.server";
import { beginSsoLogin, SSO_STARTS_PER_MINUTE, ssoButtons } from "~/models/sso.server";
import { requireAnonymous } from "~/utils/auth.server";
import { clientAddress } from "~/utils/forms.server";
import { safeRedirectTarget } from "~/utils/safe-redirect.server";
import { stateCookie } from "~/utils/sso-cookies.server";
import { ssoContinuePage } from "~/utils/sso-continue.server";
import { localeOf } from "~/utils/locale-of.server";

/**
 * GET /auth/oidc/start?school=…[&shared=yes][&via=form]: off to the school's provider (PKCE, state,
 * nonce) — by a redirect, or from the sign-in page's form by a page that moves on by itself.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  // each start writes a login row for anyone who asks: bounded per client address
  if (!(await spend("sso-start", clientAddress(context), 1, SSO_STARTS_PER_MINUTE)).ok) return redirect("/signin?sso=busy");
  const url = new URL(request.url);
  const buttons = await ssoButtons();
  const schoolId = url.searchParams.get("school") ?? (buttons.length === 1 ? buttons[0]!.schoolId : null);
  const school = buttons.find((b) => b.schoolId === schoolId);
  if (!school) return redirect("/signin?sso=not_configured");
  const started = await beginSsoLogin(school.schoolId, safeRedirectTarget(request, url.searchParams.get("next"), "") || null);
  if (!started.ok) return redirect(`/signin?sso=${started.reason}`);
  const sharedComputer = url.searchParams.get("shared") === "yes";
  const cookie = await stateCookie(request, { state: started.state, sharedComputer });
  // the sign-in page's form: its navigation may not be redirected off the site (sso-continue.server.ts)
  if (url.searchParams.get("via") === "form") return ssoContinuePage(started.url, school.label, await localeOf(request), cookie);
  return redirect(started.url, { headers: { "Set-Cookie": cookie } });
}
