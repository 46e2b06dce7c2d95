import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FirstAdminSignUpSchema, TeacherSignUpSchema } from "~/forms/auth.server";
import { Field, FormError } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { createTeacherIfNew } from "~/models/users.server";
import { claimRegistration } from "~/models/self-service-throttle.server";
import { translator } from "~/i18n/catalogs.server";
import { waitMessage } from "~/utils/wait-message";
import { createSchoolWithAdmin } from "~/models/schools.server";
import { initialPublicUrl } from "~/models/public-url.server";
import { signupMode } from "~/models/signup-mode.server";
import { requireAnonymous } from "~/utils/auth.server";
import { clientAddress, formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { createSession } from "~/utils/session.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { Button } from "~/components/ui/button";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Lantern" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const mode = await signupMode(request);
  return { mode: mode.kind, schoolName: mode.kind === "invite" ? mode.schoolName : null, badInvite: mode.kind === "closed" && mode.badInvite };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const mode = await signupMode(request);
  const noErrors = {} as FieldErrors;
  if (mode.kind === "closed") return { errors: noErrors, message: null };
  const form = formObject(await readForm(request));
  const parsed = validate(mode.kind === "first" ? FirstAdminSignUpSchema : TeacherSignUpSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
  const input = parsed.data;
  const password = input.password;
  const locale = await localeOf(request);
  const claim = await claimRegistration(clientAddress(context));
  if (!claim.ok) {
    return data({ errors: noErrors, message: waitMessage(translator(locale), claim.waitSeconds) as string | null }, { status: 429 });
  }
  if (mode.kind === "first") {
    // the server's first account: no one else exists, so signing straight in reveals nothing
    const { admin } = await createSchoolWithAdmin({ schoolName: input.schoolName ?? "", displayName: input.displayName, email: input.email, password, locale, publicUrl: initialPublicUrl(request) });
    return redirect("/teach", { headers: { "Set-Cookie": await createSession(request, admin.id) } });
  }
  const invitationId = mode.kind === "invite" ? mode.invitationId : null;
  const created = await createTeacherIfNew({ schoolId: mode.schoolId, displayName: input.displayName, email: input.email, password, locale }, invitationId);
  if (!created) return { errors: noErrors, message: null };
  return redirect("/signin?created=1");
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
      <FormError message={result?.message} />
      {/* noValidate: the browser's own bubbles ("Please lengthen this text") speak its language, not the reader's; the server answers in theirs */}
      <Form method="post" className="card" noValidate>
        {mode === "first" ? (
          <Field name="schoolName" label={t("auth.signUp.school")} required maxLength={MAX_CHARS.schoolName} error={errors.schoolName} />
        ) : null}
        <Field
          name="displayName"
          label={t("auth.signUp.name")}
          hint={t("auth.signUp.nameHint")}
          autoComplete="name"
          required
          maxLength={MAX_CHARS.teacherName}
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
        <Button type="submit" className="primary" inactive={busy}>
          {t("auth.signUp.submit")}
        </Button>
      </Form>
    </main>
  );
}
