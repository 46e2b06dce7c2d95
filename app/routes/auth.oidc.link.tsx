import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SsoLinkSchema } from "~/forms/sso.server";
import { Field, FormError } from "~/components/ui/field";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import { linkIdentity, openPendingLink, usernameOf } from "~/models/sso.server";
import { signIn } from "~/models/users.server";
import { homeFor } from "~/utils/auth.server";
import { formObject, readForm, requestFrom, validate, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { createSession } from "~/utils/session.server";
import { clearPendingLinkCookie, readPendingLinkCookie } from "~/utils/sso-cookies.server";
import { waitMessage } from "~/utils/wait-message";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Lantern" }];

/**
 * /auth/oidc/link: a first school sign-in whose e-mail already has a Lantern account. The
 * account's owner proves it with its password once; from then on the provider's subject is
 * linked and the e-mail plays no part.
 */
async function pending(request: Request) {
  const link = openPendingLink(await readPendingLinkCookie(request));
  const username = link ? await usernameOf(link.userId) : null;
  if (!link || !username) throw redirect("/signin?sso=expired", { headers: { "Set-Cookie": await clearPendingLinkCookie(request) } });
  return { link, username };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { username } = await pending(request);
  return { username };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { link, username } = await pending(request);
  const parsed = validate(SsoLinkSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data({ message: null, errors: parsed.errors }, { status: 400 });
  const t = translator(await localeOf(request));
  const result = await signIn(username, parsed.data.password, requestFrom(request, context));
  if (!result.ok || result.userId !== link.userId) {
    const message = !result.ok && result.reason === "throttled" ? waitMessage(t, result.waitSeconds) : t("auth.sso.linkWrong");
    return { message, errors: {} as FieldErrors };
  }
  await linkIdentity(link.userId, link.issuer, link.subject);
  const headers = new Headers({ "Set-Cookie": await clearPendingLinkCookie(request) });
  headers.append("Set-Cookie", await createSession(request, link.userId));
  return redirect(homeFor(result), { headers });
}

export default function ConfirmLink() {
  const { username } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.sso.linkTitle")}</h1>
      <p>{t("auth.sso.linkLead", { account: username })}</p>
      <FormError message={result?.message} />
      <Form method="post" className="card">
        <Field name="password" type="password" label={t("auth.signIn.password")} autoComplete="current-password" required error={result?.errors.password} />
        <button type="submit" className="primary">
          {t("auth.sso.linkSubmit")}
        </button>
      </Form>
    </main>
  );
}
