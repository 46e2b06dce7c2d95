import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { SignInSchema } from "~/forms/auth.server";
import { Field, FormError } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { SharedComputerChoice } from "~/components/ui/shared-computer-choice";
import { translator } from "~/i18n/catalogs.server";
import { signIn } from "~/models/users.server";
import { ssoButtons, teacherPasswordAllowed } from "~/models/sso.server";
import { ssoRefusal } from "~/utils/sso-messages";
import { normalizeUsername, USERNAME_PATTERN } from "~/models/credentials";
import { homeFor, requireAnonymous } from "~/utils/auth.server";
import { readForm, requestFrom, validate, formObject, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { nextFromQuery } from "~/utils/safe-redirect.server";
import { createSession } from "~/utils/session.server";
import { waitMessage } from "~/utils/wait-message";
import { Button } from "~/components/ui/button";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Lantern" }];


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const query = new URL(request.url).searchParams;
  const t = translator(await localeOf(request));
  // ?username= from a sign-in card's QR code: fills in the username only (never a password)
  const username = normalizeUsername(query.get("username") ?? "");
  return {
    // after a teacher sign-up (the same notice whether or not the address was new)
    created: query.get("created") === "1",
    username: USERNAME_PATTERN.test(username) ? username : "",
    sso: await ssoButtons(),
    // a refused school sign-in comes back here with its reason (a fixed word: no text from the URL is shown)
    ssoError: ssoRefusal(t, query.get("sso")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = formObject(await readForm(request));
  const parsed = validate(SignInSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, message: null, login: String(form.login ?? "") }, { status: 400 });
  const t = translator(await localeOf(request));
  const result = await signIn(parsed.data.login, parsed.data.password, requestFrom(request, context));
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? t("auth.signIn.throttled", { wait: waitMessage(t, result.waitSeconds) })
        : result.reason === "published_password"
          ? t(result.role === "student" ? "auth.signIn.demoOnlyHereStudent" : "auth.signIn.demoOnlyHereStaff", { here: localAddress(request) })
          : t("auth.signIn.wrong");
    return { errors: {} as FieldErrors, message, login: parsed.data.login };
  }
  if (result.role === "teacher" && !(await teacherPasswordAllowed(result.userId))) {
    return { errors: {} as FieldErrors, message: t("auth.sso.passwordOff"), login: parsed.data.login };
  }
  const cookie = await createSession(request, result.userId, { sharedComputer: parsed.data.shared });
  return redirect(nextFromQuery(request, homeFor(result)), { headers: { "Set-Cookie": cookie } });
}

/** This server as seen from its own computer, for the demo lock's message. */
function localAddress(request: Request): string {
  const url = new URL(request.url);
  return `${url.protocol}//localhost${url.port ? `:${url.port}` : ""}`;
}

export default function SignIn() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { created, username, sso, ssoError } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const next = params.get("next");
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.signIn.title")}</h1>
      <p className="muted">{t("auth.signIn.lead")}</p>
      {created && !result ? (
        <div className="alert success" role="status">
          {t("auth.signIn.created")}
        </div>
      ) : null}
      <FormError message={result?.message ?? ssoError} />
      {sso.length > 0 ? (
        // a plain form: the provider's page is a full navigation, not a fetch; the box goes with
        // the school's button as it does with the password (a found gap: school sign-in on a shared
        // computer kept the pupil signed in for days)
        <form method="get" action="/auth/oidc/start" className="card sso-start">
          <input type="hidden" name="via" value="form" />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          {/* before the button: it is pressed last, as the password form's is */}
          <SharedComputerChoice hint={t("auth.sso.sharedHint")} />
          {sso.map((s) => (
            <p key={s.schoolId}>
              <button type="submit" name="school" value={s.schoolId} className="primary sso">
                {t("auth.sso.button", { provider: s.label })}
              </button>
            </p>
          ))}
        </form>
      ) : null}
      {sso.length > 0 ? <p className="muted small">{t("auth.sso.orPassword")}</p> : null}
      {/* noValidate: the browser's own bubbles ("Please lengthen this text") speak its language, not the reader's; the server answers in theirs */}
      <Form method="post" action={next ? `/signin?next=${encodeURIComponent(next)}` : "/signin"} className="card" noValidate>
        <Field
          name="login"
          label={t("auth.signIn.login")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={result?.login ?? username}
          error={result?.errors.login}
        />
        <Field
          name="password"
          type="password"
          label={t("auth.signIn.password")}
          autoComplete="current-password"
          // the card's QR code filled in the username: the password is what is left to type
          autoFocus={Boolean(username) && !result}
          required
          error={result?.errors.password}
        />
        <SharedComputerChoice />
        <Button type="submit" className="primary" inactive={busy}>
          {t("auth.signIn.submit")}
        </Button>
      </Form>
      <p>
        {t("auth.signIn.noAccount")} <Link to="/join">{t("auth.signIn.joinLink")}</Link> ·{" "}
        <Link to="/signup">{t("auth.signIn.teacherLink")}</Link>
      </p>
      {/* No e-mail reset (a school server may send no mail): who can give a new password. */}
      <p className="small muted">{t("auth.signIn.forgot")}</p>
    </main>
  );
}
