import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { JoinSchema } from "~/forms/auth.server";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { findJoinableClass } from "~/models/classes.server";
import { isWellFormedJoinCode, normalizeJoinCode } from "~/models/join-code";
import { enrollExisting, joinWithCode } from "~/models/students.server";
import { getSchoolSettings } from "~/models/schools.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { passwordProblem } from "~/utils/password.server";
import { PASSWORD_PROBLEM_KEYS } from "~/utils/password-rules";
import { createSession, getSessionUser } from "~/utils/session.server";

async function joinableClass(params: { code?: string }) {
  const code = normalizeJoinCode(params.code ?? "");
  const cls = isWellFormedJoinCode(code) ? await findJoinableClass(code) : null;
  return cls;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cls = await joinableClass(params);
  const user = await getSessionUser(request);
  if (!cls) return { cls: null, user: null, retentionDays: 30 };
  const settings = await getSchoolSettings({ schoolId: cls.schoolId });
  return {
    cls: { name: cls.name },
    user: user ? { role: user.role, displayName: user.displayName } : null,
    retentionDays: settings.transcriptRetentionDays,
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const cls = await joinableClass(params);
  if (!cls) throw new Response("Not found", { status: 404 });
  const user = await getSessionUser(request);
  if (user) {
    // A signed-in student joins one more class; staff cannot enrol themselves as students.
    if (user.role !== "student" || user.schoolId !== cls.schoolId) throw new Response("Not found", { status: 404 });
    await enrollExisting(user, cls.id);
    return redirect("/learn");
  }
  const form = formObject(await readForm(request));
  const parsed = validate(JoinSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const problem = passwordProblem(typeof form.password === "string" ? form.password : "", "student");
  if (problem && !errors.password) errors.password = PASSWORD_PROBLEM_KEYS[problem];
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return { errors, values: { displayName: String(form.displayName ?? ""), username: String(form.username ?? "") } };
  }
  const joined = await joinWithCode({
    classId: cls.id,
    schoolId: cls.schoolId,
    displayName: parsed.data.displayName,
    username: parsed.data.username,
    password: parsed.data.password,
    locale: await localeOf(request),
  });
  if (!joined.ok) {
    return { errors: { username: "auth.join.usernameTaken" } as FieldErrors, values: parsed.data };
  }
  return redirect("/learn", { headers: { "Set-Cookie": await createSession(request, joined.userId) } });
}

export default function JoinClass() {
  const { cls, user, retentionDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  if (!cls) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("auth.join.title")}</h1>
        <div className="alert error" role="alert">
          {t("auth.join.unknownCode")}
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
      <Form method="post" className="card">
        <Field
          name="displayName"
          label={t("auth.join.displayName")}
          hint={t("auth.join.displayNameHint")}
          required
          maxLength={60}
          autoComplete="given-name"
          defaultValue={result?.values.displayName}
          error={errors.displayName}
        />
        <Field
          name="username"
          label={t("auth.join.username")}
          hint={t("auth.join.usernameHint")}
          required
          maxLength={40}
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
        <p className="small muted">{t("auth.join.privacy", { days: retentionDays })}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t("auth.join.submit")}
        </button>
      </Form>
    </main>
  );
}
