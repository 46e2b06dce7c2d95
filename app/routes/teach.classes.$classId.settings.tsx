import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ClassSettingsSchema as ActionSchema, CLASS_FORM_LIMITS } from "~/forms/teach.server";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { renameClass, requireTeacherOf, resetJoinCode, setArchived, setJoinEnabled, setLowScorePercent } from "~/models/classes.server";
import { HELP_RULES } from "~/teach/help-rules";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  return { name: cls.name, joinCode: cls.joinCode, joinEnabled: cls.joinEnabled, archived: cls.archivedAt !== null, lowScorePercent: cls.lowScorePercent, defaultLowScorePercent: HELP_RULES.lowScorePercent, limits: CLASS_FORM_LIMITS };
}


type Result = { errors: FieldErrors; notice: "saved" | "renamed" | "code" | null; code?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const parsed = validate(ActionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, notice: null }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "rename":
      await renameClass(teacher, cls.id, input.name);
      return data<Result>({ errors: {}, notice: "renamed" });
    case "join":
      await setJoinEnabled(teacher, cls.id, input.enabled === "on");
      return data<Result>({ errors: {}, notice: "saved" });
    case "new-code":
      return data<Result>({ errors: {}, notice: "code", code: await resetJoinCode(teacher, cls.id) });
    case "low-score":
      await setLowScorePercent(teacher, cls.id, input.lowScorePercent);
      return data<Result>({ errors: {}, notice: "saved" });
    case "archive":
      await setArchived(teacher, cls.id, input.archived === "yes");
      return data<Result>({ errors: {}, notice: "saved" });
  }
}

export default function ClassSettings() {
  const cls = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  return (
    <section aria-labelledby="settings-h" className="stack" style={{ maxWidth: "40rem" }}>
      <h2 id="settings-h">{t("teach.settings.title")}</h2>
      {result?.notice ? (
        <div className="alert success" role="status">
          {result.notice === "code"
            ? t("teach.settings.codeChanged", { code: result.code ?? "" })
            : result.notice === "renamed"
              ? t("teach.settings.renamed")
              : t("teach.settings.saved")}
        </div>
      ) : null}
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="rename" />
        <Field name="name" label={t("teach.className")} defaultValue={cls.name} required maxLength={MAX_CHARS.className} error={result?.errors.name} />
        <button type="submit" className="secondary">
          {t("teach.settings.rename")}
        </button>
      </Form>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t("teach.settings.joinTitle")}</h3>
        <p>
          <strong className="join-code">{cls.joinCode}</strong>{" "}
          {cls.joinEnabled ? null : <span className="badge warn">{t("teach.joinOff")}</span>}
        </p>
        <p className="small muted">{t("teach.settings.joinHelp")}</p>
        <div className="row">
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <input type="hidden" name="enabled" value={cls.joinEnabled ? "off" : "on"} />
            <button type="submit" className="secondary">
              {cls.joinEnabled ? t("teach.settings.joinOffButton") : t("teach.settings.joinOn")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="new-code" />
            <button type="submit" className="secondary">
              {t("teach.settings.newCode")}
            </button>
          </Form>
        </div>
      </div>
      <Form method="post" className="card" data-testid="low-score-settings">
        <h3 style={{ marginTop: 0 }}>{t("teach.settings.lowScoreTitle")}</h3>
        <input type="hidden" name="intent" value="low-score" />
        <Field
          name="lowScorePercent"
          type="number"
          inputMode="numeric"
          min={cls.limits.lowScorePercent.min}
          max={cls.limits.lowScorePercent.max}
          step={1}
          required
          label={t("teach.settings.lowScoreLabel")}
          hint={t("teach.settings.lowScoreHelp", { percent: cls.defaultLowScorePercent })}
          defaultValue={cls.lowScorePercent}
          error={result?.errors.lowScorePercent}
        />
        <button type="submit" className="secondary">
          {t("teach.settings.lowScoreSave")}
        </button>
      </Form>
      <div className="card">
        <h3 style={{ marginTop: 0 }}>{t("teach.settings.archiveTitle")}</h3>
        <p className="small muted">{t("teach.settings.archiveHelp")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <input type="hidden" name="archived" value={cls.archived ? "no" : "yes"} />
          <button type="submit" className="secondary">
            {cls.archived ? t("teach.settings.unarchive") : t("teach.settings.archive")}
          </button>
        </Form>
      </div>
    </section>
  );
}
