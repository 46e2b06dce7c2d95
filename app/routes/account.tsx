import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { LanguageSchema, passwordChangeSchema } from "~/forms/auth.server";
import { Field, FormError } from "~/components/ui/field";
import { LOCALES, LOCALE_NAMES } from "~/i18n/locales";
import { rememberLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { changePassword, setLocale } from "~/models/users.server";
import { requireUser } from "~/utils/auth.server";
import { clientAddress, formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { translator } from "~/i18n/catalogs.server";
import { localeOf } from "~/utils/locale-of.server";
import { waitMessage } from "~/utils/wait-message";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { displayName: user.displayName, username: user.username, role: user.role };
}


export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = formObject(await readForm(request));
  if (form.intent === "language") {
    const parsed = validate(LanguageSchema, form);
    if (!parsed.ok) return data({ done: null, errors: parsed.errors, message: null }, { status: 400 });
    await setLocale(user, parsed.data.locale);
    return data(
      { done: "auth.account.languageSaved" as const, errors: {} as FieldErrors, message: null },
      { headers: { "Set-Cookie": await rememberLocale(parsed.data.locale) } },
    );
  }
  const parsed = validate(passwordChangeSchema(user.role), form);
  if (!parsed.ok) return data({ done: null, errors: parsed.errors, message: null }, { status: 400 });
  const result = await changePassword(user, parsed.data.current, parsed.data.next, clientAddress(context));
  if (!result.ok && result.reason === "throttled") {
    const message = waitMessage(translator(await localeOf(request)), result.waitSeconds);
    return data({ done: null, errors: {} as FieldErrors, message: message as string | null }, { status: 429 });
  }
  if (!result.ok) {
    return data({ done: null, errors: { current: "auth.account.wrongCurrent" } as FieldErrors, message: null }, { status: 400 });
  }
  return { done: "auth.account.passwordChanged" as const, errors: {} as FieldErrors, message: null };
}

export default function Account() {
  const { displayName, username, role } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page narrow">
      <h1>{t("auth.account.title")}</h1>
      <p>{t("auth.account.signedInAs", { name: displayName, username })}</p>
      {result?.done ? (
        <div className="alert success" role="status">
          {t(result.done)}
        </div>
      ) : null}
      <section className="card stack" aria-labelledby="lang-h">
        <h2 id="lang-h">{t("auth.account.language")}</h2>
        <Form method="post" className="row">
          <input type="hidden" name="intent" value="language" />
          <label htmlFor="locale" className="visually-hidden">
            {t("auth.account.language")}
          </label>
          <select id="locale" name="locale" defaultValue={locale} style={{ maxWidth: "16rem" }}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("auth.account.languageSave")}
          </button>
        </Form>
      </section>
      {role === "student" ? (
        <section className="card stack" aria-labelledby="data-h" style={{ marginTop: "1rem" }}>
          <h2 id="data-h">{t("auth.account.dataTitle")}</h2>
          <p>{t("auth.account.dataBody")}</p>
          {/* a plain link: the browser downloads the file (no page of the app's router) */}
          <a href="/account/export.json" download className="button secondary">
            {t("auth.account.dataDownload")}
          </a>
        </section>
      ) : null}
      <section className="card" aria-labelledby="pw-h" style={{ marginTop: "1rem" }}>
        <h2 id="pw-h">{t("auth.account.passwordTitle")}</h2>
        <FormError message={result?.message} />
        <Form method="post">
          <input type="hidden" name="intent" value="password" />
          <Field name="current" type="password" label={t("auth.account.current")} autoComplete="current-password" required error={errors.current} />
          <Field
            name="next"
            type="password"
            label={t("auth.account.new")}
            hint={role === "student" ? t("auth.join.passwordHint") : t("auth.signUp.passwordHint")}
            autoComplete="new-password"
            required
            error={errors.next}
          />
          <button type="submit" className="primary">
            {t("auth.account.passwordSubmit")}
          </button>
        </Form>
      </section>
    </main>
  );
}
