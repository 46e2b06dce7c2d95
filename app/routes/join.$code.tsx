import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { JoinSchema } from "~/forms/auth.server";
import { Field, FormError } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { translator } from "~/i18n/catalogs.server";
import { claimRegistration, lookUpJoinCode } from "~/models/self-service-throttle.server";
import { isWellFormedJoinCode, normalizeJoinCode } from "~/models/join-code";
import { enrollExisting, joinWithCode } from "~/models/students.server";
import { getSchoolSettings } from "~/models/schools.server";
import { clientAddress, formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { createSession, getSessionUser } from "~/utils/session.server";
import { waitMessage } from "~/utils/wait-message";
import { MAX_CHARS } from "~/utils/form-limits";
import { Button } from "~/components/ui/button";
import { SharedComputerChoice } from "~/components/ui/shared-computer-choice";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

/** The open class of the code in the URL, looked up under the per-address join-code throttle. */
async function joinableClass(request: Request, params: { code?: string }, context: { clientAddress?: string }) {
  const code = normalizeJoinCode(params.code ?? "");
  if (!isWellFormedJoinCode(code)) return { cls: null, wait: null };
  const found = await lookUpJoinCode(code, clientAddress(context));
  if (found.throttled) return { cls: null, wait: waitMessage(translator(await localeOf(request)), found.waitSeconds) };
  return { cls: found.cls, wait: null };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cls, wait } = await joinableClass(request, params, context);
  if (wait) return data({ cls: null, user: null, retentionDays: 30, wait }, { status: 429 });
  const user = await getSessionUser(request);
  if (!cls) return { cls: null, user: null, retentionDays: 30, wait: null };
  const settings = await getSchoolSettings({ schoolId: cls.schoolId });
  return {
    cls: { name: cls.name },
    user: user ? { role: user.role, displayName: user.displayName } : null,
    retentionDays: settings.transcriptRetentionDays,
    wait: null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cls, wait } = await joinableClass(request, params, context);
  const noErrors = {} as FieldErrors;
  if (wait) return data({ errors: noErrors, values: { displayName: "", username: "" }, message: wait }, { status: 429 });
  if (!cls) throw new Response("Not found", { status: 404 });
  const user = await getSessionUser(request);
  if (user) {
    // A signed-in student joins one more class; staff cannot enrol themselves as students.
    if (user.role !== "student" || user.schoolId !== cls.schoolId) throw new Response("Not found", { status: 404 });
    await enrollExisting(user, cls.id);
    return redirect("/learn");
  }
  const form = formObject(await readForm(request));
  const values = { displayName: String(form.displayName ?? ""), username: String(form.username ?? "") };
  const parsed = validate(JoinSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values, message: null }, { status: 400 });
  const claim = await claimRegistration(clientAddress(context));
  if (!claim.ok) {
    const message = waitMessage(translator(await localeOf(request)), claim.waitSeconds);
    return data({ errors: noErrors, values, message: message as string | null }, { status: 429 });
  }
  const joined = await joinWithCode({
    classId: cls.id,
    schoolId: cls.schoolId,
    displayName: parsed.data.displayName,
    username: parsed.data.username,
    password: parsed.data.password,
    locale: await localeOf(request),
  });
  const cookie = await createSession(request, joined.userId, { sharedComputer: parsed.data.shared });
  return redirect("/learn?welcome=1", { headers: { "Set-Cookie": cookie } });
}

export default function JoinClass() {
  const { cls, user, retentionDays, wait } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { pathname } = useLocation();
  if (!cls) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("auth.join.title")}</h1>
        <div className="alert error" role="alert">
          {wait ?? t("auth.join.unknownCode")}
        </div>
        <p>
          <Link to="/join">{t("auth.join.find")}</Link>
        </p>
      </main>
    );
  }
  if (user) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("auth.join.classTitle", { name: cls.name })}</h1>
        <p>{t("auth.join.asStudent", { name: user.displayName })}</p>
        {user.role === "student" ? (
          <Form method="post">
            <button type="submit" className="primary">
              {t("auth.join.joinThis")}
            </button>
          </Form>
        ) : null}
      </main>
    );
  }
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.join.classTitle", { name: cls.name })}</h1>
      <FormError message={result?.message} />
      {/* noValidate: the browser's own bubbles ("Please lengthen this text") speak its language, not the reader's; the server answers in theirs */}
      <Form method="post" className="card" noValidate>
        <Field
          name="displayName"
          label={t("auth.join.displayName")}
          hint={t("auth.join.displayNameHint")}
          required
          maxLength={MAX_CHARS.joinName}
          autoComplete="given-name"
          defaultValue={result?.values.displayName}
          error={errors.displayName}
        />
        <Field
          name="username"
          label={t("auth.join.username")}
          hint={t("auth.join.usernameHint")}
          required
          maxLength={MAX_CHARS.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={result?.values.username}
          error={errors.username}
        />
        <Field
          name="password"
          type="password"
          label={t("auth.join.password")}
          hint={t("auth.join.passwordHint")}
          required
          minLength={6}
          autoComplete="new-password"
          error={errors.password}
        />
        <SharedComputerChoice />
        <p className="small muted">{t("auth.join.privacy", { days: retentionDays })}</p>
        <Button type="submit" className="primary" inactive={busy}>
          {t("auth.join.submit")}
        </Button>
      </Form>
      <p>
        {t("auth.join.haveAccount")} <Link to={`/signin?next=${encodeURIComponent(pathname)}`}>{t("auth.join.signInFirst")}</Link>
      </p>
    </main>
  );
}
