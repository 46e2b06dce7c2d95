import { Form, Link, useNavigation } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog/en";

type FieldErrors = Partial<Record<string, MessageKey>>;
import { withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import { MAX_CHARS } from "~/utils/form-limits";
import { Button } from "~/components/ui/button";

export interface AssignmentFormValues {
  lesson: string;
  /** "2025-03-14" and "23:00" on the school's clocks; "" for no due date. */
  due: string;
  dueTime: string;
  instructions: string;
  target: "class" | "students";
  students: string[];
}

interface Props {
  /** The assignment being edited; absent for a new one. */
  editing?: { id: string; values: AssignmentFormValues; cancelHref: string };
  lessons: { slug: string; number: number; title: string }[];
  students: { id: string; displayName: string; username: string }[];
  /** The school's zone as the page's language names it. */
  timeZone: string;
  errors: FieldErrors;
  /** Where to edit the assignment that already gives this lesson to these students (after a refused "assign"). */
  existingHref?: string;
  /** A new key empties the form after a successful "assign". */
  formKey: string;
}

/**
 * One form to assign a lesson and to edit an assignment (the same fields, the same validation on
 * the server). Plain HTML controls: it all works without JavaScript.
 */
export function AssignmentForm({ editing, lessons, students, timeZone, errors, existingHref, formKey }: Props) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const v = editing?.values;
  const describe = (field: string, hint?: string) => [hint, errors[field] ? `a-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`a-${field}-error`}>
        {t(errors[field]!)}
        {existingHref && (field === "lesson" || field === "students") ? (
          <>
            {" "}
            <Link to={existingHref}>{t("teach.dash.assign.editExisting")}</Link>
          </>
        ) : null}
      </p>
    ) : null;
  return (
    <section className="card assign-form" aria-labelledby="assign-h">
      <h2 id="assign-h">{t(editing ? "teach.dash.assign.edit" : "teach.dash.assign.new")}</h2>
      <Form method="post" key={formKey}>
        {editing ? (
          <>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="assignmentId" value={editing.id} />
          </>
        ) : null}
        <div className="field">
          <label htmlFor="a-lesson">{t("teach.dash.assign.lesson")}</label>
          <select
            id="a-lesson"
            name="lesson"
            required
            defaultValue={v?.lesson}
            aria-invalid={errors.lesson ? true : undefined}
            aria-describedby={describe("lesson")}
          >
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.number}. {l.title}
              </option>
            ))}
          </select>
          {error("lesson")}
          {editing ? null : (
            <details className="assign-guides small">
              <summary>{t("guide.link.assign")}</summary>
              <ul>
                {lessons.map((l) => (
                  <li key={l.slug}>
                    {l.number}. {withColon(l.title, t("guide.colon"))}
                    <Link to={`/teach/guide/${l.slug}`}>{t("guide.index.guide")}</Link>
                    {" · "}
                    <Link to={`/teach/guide/${l.slug}/handout`}>{t("guide.index.handout")}</Link>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
        <fieldset className="assign-due" aria-describedby="a-due-hint">
          <legend>{t("teach.dash.assign.due")}</legend>
          <p className="hint" id="a-due-hint">
            {t("teach.dash.assign.dueHint", { zone: timeZone })}
          </p>
          <div className="assign-due-row">
            <div className="field">
              <label htmlFor="a-due">{t("teach.dash.assign.dueDate")}</label>
              <input
                id="a-due"
                type="date"
                name="due"
                defaultValue={v?.due}
                aria-describedby={describe("due")}
                aria-invalid={errors.due ? true : undefined}
              />
              {error("due")}
            </div>
            <div className="field">
              <label htmlFor="a-dueTime">{t("teach.dash.assign.dueTime")}</label>
              <input
                id="a-dueTime"
                type="time"
                name="dueTime"
                defaultValue={v?.dueTime || "23:59"}
                aria-describedby={describe("dueTime")}
                aria-invalid={errors.dueTime ? true : undefined}
              />
              {error("dueTime")}
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="a-instructions">{t("teach.dash.assign.instructions")}</label>
          <p className="hint" id="a-instructions-hint">
            {t("teach.dash.assign.instructionsHint")}
          </p>
          <textarea
            id="a-instructions"
            name="instructions"
            rows={3}
            maxLength={MAX_CHARS.assignmentInstructions}
            defaultValue={v?.instructions}
            aria-describedby={describe("instructions", "a-instructions-hint")}
            aria-invalid={errors.instructions ? true : undefined}
          />
          {error("instructions")}
        </div>
        <fieldset aria-describedby={errors.students ? "a-students-error" : undefined}>
          <legend>{t("teach.dash.assign.for")}</legend>
          <label className="choice">
            <input type="radio" name="target" value="class" defaultChecked={(v?.target ?? "class") === "class"} />
            <span>{t("teach.dash.assign.wholeClass")}</span>
          </label>
          <label className="choice">
            <input type="radio" name="target" value="students" defaultChecked={v?.target === "students"} />
            <span>{t("teach.dash.assign.chosen")}</span>
          </label>
          {students.length > 0 ? (
            <fieldset className="student-picks">
              <legend className="small">{t("teach.dash.assign.pickLegend")}</legend>
              <div className="pick-grid">
                {students.map((s) => (
                  <label key={s.id} className="choice">
                    <input type="checkbox" name="students" value={s.id} defaultChecked={v?.students.includes(s.id)} />
                    <span>
                      {s.displayName}<span className="muted small pick-username">{t("common.inParentheses", { text: s.username })}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          {error("students")}
        </fieldset>
        <div className="form-actions">
          <Button type="submit" className="primary" inactive={busy}>
            {t(editing ? "teach.dash.assign.save" : "teach.dash.assign.submit")}
          </Button>
          {editing ? (
            <Link to={editing.cancelHref} className="button secondary">
              {t("form.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
