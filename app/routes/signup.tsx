import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TeacherSignUpSchema as TeacherSchema } from "~/forms/auth.server";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { createTeacher, usernameTaken } from "~/models/users.server";
import { createSchoolWithAdmin } from "~/models/schools.server";
import { signupMode } from "~/models/signup-mode.server";
import { requireAnonymous } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { passwordProblem } from "~/utils/password.server";
import { PASSWORD_PROBLEM_KEYS } from "~/utils/password-rules";
import { createSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Lantern" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const mode = await signupMode(request);
  return { mode: mode.kind, schoolName: mode.kind === "invite" ? mode.schoolName : null, badInvite: mode.kind === "closed" && mode.badInvite };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const mode = await signupMode(request);
  if (mode.kind === "closed") return { errors: {} as FieldErrors };
  const form = formObject(await readForm(request));
  const parsed = validate(TeacherSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const password = typeof form.password === "string" ? form.password : "";
  const problem = passwordProblem(password, "teacher");
  if (problem && !errors.password) errors.password = PASSWORD_PROBLEM_KEYS[problem];
  if (mode.kind === "first" && !(typeof form.schoolName === "string" && form.schoolName.trim())) errors.schoolName = "form.required";
  if (!parsed.ok || Object.keys(errors).length > 0) return { errors };
  const data = parsed.data;
  if (await usernameTaken(data.email)) return { errors: { email: "auth.signUp.emailTaken" } as FieldErrors };
  const locale = await localeOf(request);
  let userId: string;
  if (mode.kind === "first") {
    const { admin } = await createSchoolWithAdmin({
      schoolName: data.schoolName ?? "",
      displayName: data.displayName,
      email: data.email,
      password,
      locale,
    });
    userId = admin.id;
  } else {
    const invitationId = mode.kind === "invite" ? mode.invitationId : null;
    const teacher = await createTeacher({ schoolId: mode.schoolId, displayName: data.displayName, email: data.email, password, locale }, invitationId);
    if (!teacher) return { errors: {} as FieldErrors };
    userId = teacher.id;
  }
  return redirect("/teach", { headers: { "Set-Cookie": await createSession(request, userId) } });
}

export default function SignUp() {
  const { mode, schoolName, badInvite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  if (mode === "closed") {
    return (
      <main id="main" className="page narrow">
        <h1>{t("auth.signUp.title")}</h1>
        <div className="alert info">{badInvite ? t("auth.signUp.badInvite") : t("auth.signUp.needInvite")}</div>
      </main>
    );
  }
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page narrow">
      <h1>{mode === "first" ? t("auth.signUp.firstTitle") : t("auth.signUp.title")}</h1>
      {mode === "first" ? <p className="muted">{t("auth.signUp.firstLead")}</p> : null}
      {mode === "invite" ? <p className="muted">{t("auth.signUp.inviteLead", { school: schoolName ?? "" })}</p> : null}
      <Form method="post" className="card">
        {mode === "first" ? (
          <Field name="schoolName" label={t("auth.signUp.school")} required maxLength={120} error={errors.schoolName} />
        ) : null}
        <Field
          name="displayName"
          label={t("auth.signUp.name")}
          hint={t("auth.signUp.nameHint")}
          autoComplete="name"
          required
          maxLength={80}
          error={errors.displayName}
        />
        <Field name="email" type="email" label={t("auth.signUp.email")} autoComplete="email" required error={errors.email} />
        <Field
          name="password"
          type="password"
          label={t("auth.signUp.password")}
          hint={t("auth.signUp.passwordHint")}
          autoComplete="new-password"
          required
          minLength={8}
          error={errors.password}
        />
        <p className="small muted">{t("auth.signUp.privacy")}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t("auth.signUp.submit")}
        </button>
      </Form>
    </main>
  );
}
