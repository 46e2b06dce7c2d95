/**
 * /teach/classes/:classId/playground — the class's playground rules (its policy).
 * The class's flagged exchanges come first, where a teacher sees them; the rules follow.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { PlaygroundPolicy } from "../../db/schema";
import { Field, FormError } from "~/components/ui/field";
import { translator } from "~/i18n/catalogs.server";
import { useLocale, useT } from "~/i18n/use-t";
import { requireTeacherOf, updatePlaygroundPolicy } from "~/models/classes.server";
import { safetyPreamble } from "~/playground/guard.server";
import { classUsageToday } from "~/models/token-ledger.server";
import { modelChoices, schoolModels } from "~/playground/connections.server";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { PolicyForm } from "~/forms/playground-policy.server";
import { localeOf } from "~/utils/locale-of.server";
import playgroundStyles from "~/styles/playground.css";
import { FlaggedList } from "~/components/teach/flagged-list";
import { listFlaggedExchanges } from "~/models/flags.server";
import { currentTimeZone } from "~/utils/request-scope.server";
import { timeZoneLabel } from "~/utils/time-zone-names.server";
import teachStyles from "~/styles/teach.css";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [
  { rel: "stylesheet", href: playgroundStyles },
  { rel: "stylesheet", href: teachStyles },
];

const DAYS = [1, 2, 3, 4, 5, 6, 0] as const; // Monday first, as school weeks are read

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const locale = await localeOf(request);
  const t = translator(locale);
  const [offered, usage, flags] = await Promise.all([
    schoolModels(teacher),
    classUsageToday(cls.id, currentTimeZone()),
    listFlaggedExchanges(teacher, cls.id, { locale, t }),
  ]);
  const policy = cls.playgroundPolicy;
  return {
    policy,
    models: modelChoices(offered, policy.allowedModels, t),
    usage: { used: usage.used, budget: policy.classDailyTokens },
    preamble: safetyPreamble(locale),
    timeZone: timeZoneLabel(currentTimeZone(), locale),
    classId: cls.id,
    flags,
  };
}

/** On invalid input, what was sent comes back so the form shows it again (also without JavaScript). */
type Result = { errors: FieldErrors; saved: boolean; submitted?: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const submitted = formObject(await readForm(request));
  const parsed = validate(PolicyForm, submitted);
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, saved: false, submitted }, { status: 400 });
  const v = parsed.data;
  // Only models this server offers, or ones the policy already had (kept while unavailable).
  const known = new Set([...(await schoolModels(teacher)).map((m) => m.id), ...cls.playgroundPolicy.allowedModels]);
  if (v.allowedModels.some((id) => !known.has(id))) {
    return data<Result>({ errors: { allowedModels: "form.invalid" }, saved: false, submitted }, { status: 400 });
  }
  const policy: PlaygroundPolicy = {
    enabled: v.enabled,
    allowedModels: v.allowedModels,
    exploreMode: v.exploreMode,
    messagesPerMinute: v.messagesPerMinute,
    studentDailyTokens: v.studentDailyTokens,
    classDailyTokens: v.classDailyTokens,
    blockedTopics: v.blockedTopics,
    schedule: v.scheduleOn ? { days: [...new Set(v.days.map(Number))].sort(), from: v.from, to: v.to } : null,
  };
  await updatePlaygroundPolicy(teacher, cls.id, policy);
  return data<Result>({ errors: {}, saved: true });
}

export default function ClassPlaygroundPolicy() {
  const { policy, models, usage, preamble, timeZone, classId, flags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const errors = result?.errors ?? {};
  const t = useT();
  const locale = useLocale();
  const hasErrors = Object.keys(errors).length > 0;
  const sent = hasErrors ? result?.submitted : undefined;
  const checked = (name: string, saved: boolean) => (sent ? sent[name] === "on" : saved);
  const value = (name: string, saved: string | number) => (sent ? String([sent[name] ?? ""].flat()[0]) : saved);
  const listed = (name: string, saved: readonly (string | number)[]) => (sent ? [sent[name] ?? []].flat() : saved.map(String));
  const schedule = policy.schedule;
  return (
    <>
      <FlaggedList classId={classId} flags={flags} />
      <section aria-labelledby="pg-policy-title" className="pg-policy stack" style={{ maxWidth: "44rem" }}>
        <h2 id="pg-policy-title">{t("playground.policy.title")}</h2>
        <p className="muted">{t("playground.policy.lead")}</p>
        {result?.saved ? (
          <div className="alert success" role="status">
            {t("playground.policy.saved")}
          </div>
        ) : null}
        <FormError message={hasErrors ? t("form.fixErrors") : null} />
        <Form method="post" className="card" noValidate>
          <div className="field">
            <label className="choice">
              <input type="checkbox" name="enabled" defaultChecked={checked("enabled", policy.enabled)} aria-describedby="pg-enabled-hint" />
              <span>{t("playground.policy.enabled")}</span>
            </label>
            <p id="pg-enabled-hint" className="hint">
              {t("playground.policy.enabledHint")}
            </p>
          </div>

          <fieldset aria-describedby={`pg-models-hint${errors.allowedModels ? " pg-models-error" : ""}`}>
            <legend>{t("playground.policy.models")}</legend>
            <p id="pg-models-hint" className="hint small muted">
              {t("playground.policy.modelsHint")}
            </p>
            {models.map((m) => (
              <label className="choice" key={m.id}>
                <input type="checkbox" name="allowedModels" value={m.id} defaultChecked={listed("allowedModels", policy.allowedModels).includes(m.id)} />
                <span>
                  {m.label} {m.available ? null : <span className="muted small">{t("playground.policy.modelUnavailable")}</span>}
                </span>
              </label>
            ))}
            {errors.allowedModels ? (
              <p id="pg-models-error" className="field-error">
                {t(errors.allowedModels)}
              </p>
            ) : null}
          </fieldset>

          <div className="field">
            <label className="choice">
              <input type="checkbox" name="exploreMode" defaultChecked={checked("exploreMode", policy.exploreMode)} aria-describedby="pg-explore-hint" />
              <span>{t("playground.policy.explore")}</span>
            </label>
            <p id="pg-explore-hint" className="hint">
              {t("playground.policy.exploreHint")}
            </p>
          </div>

          <div className="pg-numbers">
            <Field
              name="messagesPerMinute"
              label={t("playground.policy.messagesPerMinute")}
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              defaultValue={value("messagesPerMinute", policy.messagesPerMinute)}
              error={errors.messagesPerMinute}
            />
            <Field
              name="studentDailyTokens"
              label={t("playground.policy.studentDailyTokens")}
              type="number"
              inputMode="numeric"
              min={0}
              max={1_000_000}
              step={1000}
              defaultValue={value("studentDailyTokens", policy.studentDailyTokens)}
              error={errors.studentDailyTokens}
            />
            <Field
              name="classDailyTokens"
              label={t("playground.policy.classDailyTokens")}
              type="number"
              inputMode="numeric"
              min={0}
              max={100_000_000}
              step={1000}
              defaultValue={value("classDailyTokens", policy.classDailyTokens)}
              error={errors.classDailyTokens}
            />
          </div>
          <p className="hint small muted">
            {t("playground.policy.tokensHint")} {t("playground.policy.usedToday", { used: usage.used.toLocaleString(locale), budget: usage.budget.toLocaleString(locale) })}
          </p>

          <Field
            name="blockedTopics"
            label={t("playground.policy.blockedTopics")}
            hint={t("playground.policy.blockedTopicsHint")}
            multiline
            rows={4}
            defaultValue={value("blockedTopics", policy.blockedTopics.join("\n"))}
            error={errors.blockedTopics}
            aria-describedby={["f-blockedTopics-hint", "pg-topics-limits", errors.blockedTopics ? "f-blockedTopics-error" : null].filter(Boolean).join(" ")}
          />
          <p className="alert warn small" id="pg-topics-limits">
            {t("playground.policy.blockedTopicsLimits")}
          </p>

          <fieldset>
            <legend>{t("playground.policy.schedule")}</legend>
            <label className="choice">
              <input type="checkbox" name="scheduleOn" defaultChecked={checked("scheduleOn", schedule !== null)} aria-describedby="pg-schedule-hint" />
              <span>{t("playground.policy.scheduleOn")}</span>
            </label>
            <p id="pg-schedule-hint" className="hint small muted">
              {t("playground.policy.scheduleHint", { zone: timeZone })}
            </p>
            <fieldset className="pg-days-set" aria-describedby={errors.days ? "pg-days-error" : undefined}>
              <legend>{t("playground.policy.days")}</legend>
              <div className="pg-days">
                {DAYS.map((d) => (
                  <label className="choice" key={d}>
                    <input type="checkbox" name="days" value={d} defaultChecked={listed("days", schedule?.days ?? [1, 2, 3, 4, 5]).includes(String(d))} />
                    <span>{t(`playground.day.${d}`)}</span>
                  </label>
                ))}
              </div>
              {errors.days ? (
                <p id="pg-days-error" className="field-error">
                  {t(errors.days)}
                </p>
              ) : null}
            </fieldset>
            <div className="pg-times">
              <Field name="from" label={t("playground.policy.from")} type="time" defaultValue={value("from", schedule?.from ?? "08:00")} error={errors.from} />
              <Field name="to" label={t("playground.policy.to")} type="time" defaultValue={value("to", schedule?.to ?? "16:00")} error={errors.to} />
            </div>
          </fieldset>

          <button type="submit" className="primary">
            {t("form.save")}
          </button>
        </Form>

        <details className="card">
          <summary>
            <strong>{t("playground.policy.preamble")}</strong>
          </summary>
          <p className="hint small muted">{t("playground.policy.preambleHint")}</p>
          <blockquote className="pg-preamble" tabIndex={0} aria-label={t("playground.policy.preamble")}>
            {preamble}
          </blockquote>
        </details>
      </section>

    </>
  );
}
