import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RemoveDemoSchema, SchoolSettingsSchema as SettingsSchema } from "~/forms/admin.server";
import { DemoDataSection } from "~/components/admin/demo-data-section";
import { removeDemoData } from "~/models/demo-data.server";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { getSchool, getSchoolSettings } from "~/models/schools.server";
import { saveSchoolSettings } from "~/models/school-clock.server";
import { publicUrlOf } from "~/models/public-url.server";
import { requireAdmin } from "~/utils/auth.server";
import { serverTimeZone } from "~/utils/time-zone";
import { timeZoneGroups, timeZoneLabel } from "~/utils/time-zone-names.server";
import { TimeZoneField } from "~/components/admin/time-zone-field";
import { SafeguardingFormSchema, safeguardingForPage, safeguardingFromForm } from "~/forms/safeguarding.server";
import { getSafeguardingSettings, saveSafeguardingSettings, sendTestMail } from "~/models/safeguarding.server";
import { localeOf } from "~/utils/locale-of.server";
import { translator } from "~/i18n/catalogs.server";
import { modelChoices, schoolModels } from "~/playground/connections.server";
import { SafeguardingSettingsForm } from "~/components/admin/safeguarding-settings";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

/** /admin/settings: transcript retention, default models and budgets for new classes, the school's name. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [school, settings, safeguarding, locale, offered] = await Promise.all([
    getSchool(admin),
    getSchoolSettings(admin),
    getSafeguardingSettings(admin),
    localeOf(request),
    schoolModels(admin),
  ]);
  const timeZone = settings.timeZone ?? serverTimeZone();
  // The school's settings minus the SMTP password and the school sign-in (its sealed client secret
  // and the e-mail addresses of pending links: /admin/signin shows what it may), which never leave the server.
  const { safeguarding: _secret, sso: _sso, ...shown } = settings;
  return {
    name: school?.name ?? "",
    settings: shown,
    publicUrl: await publicUrlOf(admin),
    safeguarding: safeguardingForPage(safeguarding),
    // the mini model, Claude when the server has a key, the school's own approved models
    models: modelChoices(offered, settings.defaultModels, translator(locale)),
    timeZone: { id: timeZone, label: timeZoneLabel(timeZone, locale) },
    timeZones: timeZoneGroups(locale),
  };
}

type Result = {
  errors: FieldErrors;
  saved: boolean;
  form?: "safeguarding";
  testMail?: { ok: true; to: string } | { ok: false; error: string };
  demoRemoved?: { students: number; classes: number };
  /** Due dates still to come that a new time zone moved, to keep their times on the school's clock. */
  dueDatesKept?: number;
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = formObject(await readForm(request));
  if (form.intent === "remove-demo") {
    const confirmed = validate(RemoveDemoSchema, form);
    if (!confirmed.ok) return data<Result>({ errors: confirmed.errors, saved: false }, { status: 400 });
    return data<Result>({ errors: {}, saved: false, demoRemoved: await removeDemoData(admin) });
  }
  if (form.intent === "test-mail") {
    const testMail = await sendTestMail(admin, await localeOf(request));
    return data<Result>({ errors: {}, saved: false, form: "safeguarding", testMail });
  }
  if (form.intent === "safeguarding") {
    const safeguarding = validate(SafeguardingFormSchema, form);
    if (!safeguarding.ok) return data<Result>({ errors: safeguarding.errors, saved: false, form: "safeguarding" }, { status: 400 });
    await saveSafeguardingSettings(admin, (current) => safeguardingFromForm(safeguarding.data, current));
    return data<Result>({ errors: {}, saved: true, form: "safeguarding" });
  }
  const parsed = validate(SettingsSchema, form);
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, saved: false }, { status: 400 });
  const [current, offered] = await Promise.all([getSchoolSettings(admin), schoolModels(admin)]);
  const allowed = new Set([...offered.map((m) => m.id), ...current.defaultModels]);
  if (parsed.data.defaultModels.some((m) => !allowed.has(m))) {
    return data<Result>({ errors: { defaultModels: "admin.settings.pickModel" }, saved: false }, { status: 400 });
  }
  const { publicUrl, timeZone, ...rest } = parsed.data;
  // a form without the field (an older page) leaves the saved address and zone alone
  const { dueDatesKept } = await saveSchoolSettings(admin.schoolId, { ...rest, ...(publicUrl ? { publicUrl } : {}), ...(timeZone ? { timeZone } : {}) });
  return data<Result>({ errors: {}, saved: true, dueDatesKept });
}

export default function AdminSettings() {
  const { name, settings, safeguarding, models, publicUrl, timeZone, timeZones } = useLoaderData<typeof loader>();
  const actionResult = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  const result = actionResult?.form === "safeguarding" ? undefined : actionResult;
  const errors = result?.errors ?? {};
  return (
    <>
    <section aria-labelledby="settings-h" className="dash settings-form">
      <h2 id="settings-h">{t("admin.settings.title")}</h2>
      {result?.saved ? (
        <div className="alert success" role="status">
          {t("form.saved")}
          {result.dueDatesKept ? <> {t("admin.settings.dueDatesKept", { count: result.dueDatesKept })}</> : null}
        </div>
      ) : Object.keys(errors).length > 0 && !errors.confirm ? (
        <div className="form-error" role="alert">
          {t("form.fixErrors")}
        </div>
      ) : null}
      <Form method="post">
        <Field name="name" label={t("admin.settings.name")} defaultValue={name} error={errors.name} required maxLength={MAX_CHARS.schoolSettingsName} />
        <Field
          name="publicUrl"
          type="url"
          inputMode="url"
          label={t("admin.settings.publicUrl")}
          hint={t("admin.settings.publicUrlHint")}
          defaultValue={publicUrl}
          error={errors.publicUrl}
          required
          maxLength={MAX_CHARS.publicUrl}
          spellCheck={false}
          autoCapitalize="none"
        />
        <TimeZoneField value={timeZone} groups={timeZones} error={errors.timeZone} />
        <Field
          name="transcriptRetentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          label={t("admin.settings.retention")}
          hint={t("admin.settings.retentionHint")}
          defaultValue={settings.transcriptRetentionDays}
          error={errors.transcriptRetentionDays}
          required
        />
        <fieldset aria-describedby={errors.defaultModels ? "models-error" : "models-hint"}>
          <legend>{t("admin.settings.models")}</legend>
          <p className="hint small muted" id="models-hint">
            {t("admin.settings.modelsHint")}
          </p>
          {models.map((m) => (
            <label key={m.id} className="choice">
              <input type="checkbox" name="defaultModels" value={m.id} defaultChecked={settings.defaultModels.includes(m.id)} />
              <span>
                {m.label} {m.available ? null : <span className="muted small">{t("playground.policy.modelUnavailable")}</span>}
              </span>
            </label>
          ))}
          {errors.defaultModels ? (
            <p className="field-error" id="models-error">
              {t(errors.defaultModels)}
            </p>
          ) : null}
        </fieldset>
        <Field
          name="defaultStudentDailyTokens"
          type="number"
          inputMode="numeric"
          min={0}
          label={t("admin.settings.studentTokens")}
          hint={t("admin.settings.budgetHint")}
          defaultValue={settings.defaultStudentDailyTokens}
          error={errors.defaultStudentDailyTokens}
          required
        />
        <Field
          name="defaultClassDailyTokens"
          type="number"
          inputMode="numeric"
          min={0}
          label={t("admin.settings.classTokens")}
          defaultValue={settings.defaultClassDailyTokens}
          error={errors.defaultClassDailyTokens}
          required
        />
        <button type="submit" className="primary">
          {t("form.save")}
        </button>
      </Form>
      <DemoDataSection demo={settings.demo ?? null} removed={result?.demoRemoved ?? null} error={errors.confirm} />
    </section>
    <SafeguardingSettingsForm settings={safeguarding} result={actionResult?.form === "safeguarding" ? actionResult : undefined} />
    </>
  );
}
