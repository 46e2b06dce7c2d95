import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { hasSsoIdentity, providerLogoutUrl, ssoButtons } from "~/models/sso.server";
import { getSessionUser, destroySession } from "~/utils/session.server";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Lantern" }];

/**
 * Sign-out is a POST (no GET changes state); it deletes the session on the server. Someone who
 * signed in with the school's provider is still signed in there: they land on a page that offers
 * the provider's logout too (its end_session_endpoint), without forcing it on them.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const cookie = await destroySession(request);
  const offer = user && (await hasSsoIdentity(user.id)) ? `/signout?school=${user.schoolId}` : "/";
  return redirect(offer, { headers: { "Set-Cookie": cookie } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const schoolId = new URL(request.url).searchParams.get("school");
  const school = (await ssoButtons()).find((b) => b.schoolId === schoolId);
  const logoutUrl = school ? await providerLogoutUrl(school.schoolId, `${new URL(request.url).origin}/`) : null;
  if (!school || !logoutUrl) return redirect("/");
  return { provider: school.label, logoutUrl };
}

export default function SignedOut() {
  const { provider, logoutUrl } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.sso.signedOutTitle")}</h1>
      <p>{t("auth.sso.signedOutLead", { provider })}</p>
      <p>
        <a className="button" href={logoutUrl}>
          {t("auth.sso.providerLogout", { provider })}
        </a>
      </p>
      <p>
        <Link to="/">{t("auth.sso.home")}</Link>
      </p>
    </main>
  );
}
