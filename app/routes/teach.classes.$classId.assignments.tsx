import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DeleteAssignmentSchema as DeleteSchema } from "~/forms/admin.server";
import { getCourse } from "~/course/course.server";
import { useT } from "~/i18n/use-t";
import { createAssignment, deleteAssignment, listClassAssignments, NewAssignmentSchema } from "~/models/assignments.server";
import { requireTeacherOf } from "~/models/classes.server";
import { viewContextFor } from "~/models/dashboard.server";
import { listClassStudents } from "~/models/students.server";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import teachStyles from "~/styles/teach.css";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const classId = params.classId ?? "";
  const [assignments, students] = await Promise.all([
    listClassAssignments(teacher, classId, ctx),
    listClassStudents(teacher, classId),
  ]);
  return {
    title: ctx.t("teach.dash.assign.pageTitle"),
    assignments,
    students: students.map((s) => ({ id: s.id, displayName: s.displayName, username: s.username })),
    lessons: getCourse().lessons.map((l) => ({ slug: l.slug, number: l.number, title: l.content[ctx.locale].title })),
  };
}


type Result = { errors: FieldErrors; notice: "created" | "deleted" | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  // another teacher's class is a 404 before anything about the form is said
  const classId = (await requireTeacherOf(teacher, params.classId ?? "")).id;
  const form = formObject(await readForm(request));
  if (form.intent === "delete") {
    const parsed = validate(DeleteSchema, form);
    if (!parsed.ok) return data<Result>({ errors: parsed.errors, notice: null }, { status: 400 });
    await deleteAssignment(teacher, classId, parsed.data.assignmentId);
    return data<Result>({ errors: {}, notice: "deleted" });
  }
  const parsed = validate(NewAssignmentSchema, form);
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, notice: null }, { status: 400 });
  const id = await createAssignment(teacher, classId, parsed.data);
  if (!id) return data<Result>({ errors: { students: "teach.dash.assign.pickStudents" }, notice: null }, { status: 400 });
  return data<Result>({ errors: {}, notice: "created" });
}

export default function AssignmentsPage() {
  const { assignments, students, lessons } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const navigation = useNavigation();
  const t = useT();
  const errors = result?.errors ?? {};
  const busy = navigation.state === "submitting";
  return (
    <div className="dash assignments">
      {result?.notice ? (
        <div className="alert success" role="status">
          {t(result.notice === "created" ? "teach.dash.assign.created" : "teach.dash.assign.deleted")}
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          {t("form.fixErrors")}
        </div>
      ) : null}

      <section className="card assign-form" aria-labelledby="assign-h">
        <h2 id="assign-h">{t("teach.dash.assign.new")}</h2>
        <Form method="post" key={result?.notice === "created" ? `done-${assignments.length}` : "form"}>
          <div className="field">
            <label htmlFor="a-lesson">{t("teach.dash.assign.lesson")}</label>
            <select
              id="a-lesson"
              name="lesson"
              required
              aria-invalid={errors.lesson ? true : undefined}
              aria-describedby={errors.lesson ? "a-lesson-error" : undefined}
            >
              {lessons.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.number}. {l.title}
                </option>
              ))}
            </select>
            {errors.lesson ? (
              <p className="field-error" id="a-lesson-error">
                {t(errors.lesson)}
              </p>
            ) : null}
            <details className="assign-guides small">
              <summary>{t("guide.link.assign")}</summary>
              <ul>
                {lessons.map((l) => (
                  <li key={l.slug}>
                    {l.number}. {l.title}: <Link to={`/teach/guide/${l.slug}`}>{t("guide.index.guide")}</Link>
                    {" · "}
                    <Link to={`/teach/guide/${l.slug}/handout`}>{t("guide.index.handout")}</Link>
                  </li>
                ))}
              </ul>
            </details>
          </div>
          <div className="field">
            <label htmlFor="a-due">{t("teach.dash.assign.due")}</label>
            <p className="hint" id="a-due-hint">
              {t("teach.dash.assign.dueHint")}
            </p>
            <input
              id="a-due"
              type="date"
              name="due"
              aria-describedby={errors.due ? "a-due-hint a-due-error" : "a-due-hint"}
              aria-invalid={errors.due ? true : undefined}
            />
            {errors.due ? (
              <p className="field-error" id="a-due-error">
                {t(errors.due)}
              </p>
            ) : null}
          </div>
          <fieldset aria-describedby={errors.students ? "a-students-error" : undefined}>
            <legend>{t("teach.dash.assign.for")}</legend>
            <label className="choice">
              <input type="radio" name="target" value="class" defaultChecked />
              <span>{t("teach.dash.assign.wholeClass")}</span>
            </label>
            <label className="choice">
              <input type="radio" name="target" value="students" />
              <span>{t("teach.dash.assign.chosen")}</span>
            </label>
            {students.length > 0 ? (
              <fieldset className="student-picks">
                <legend className="small">{t("teach.dash.assign.pickLegend")}</legend>
                <div className="pick-grid">
                  {students.map((s) => (
                    <label key={s.id} className="choice">
                      <input type="checkbox" name="students" value={s.id} />
                      <span>
                        {s.displayName} <span className="muted small">({s.username})</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            {errors.students ? (
              <p className="field-error" id="a-students-error">
                {t(errors.students)}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>
            {t("teach.dash.assign.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="assigned-h">
        <h2 id="assigned-h">{t("teach.dash.assign.list")}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t("teach.dash.assign.none")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="assigned-h" tabIndex={0}>
            <table className="assign-table" data-testid="assignments">
              <thead>
                <tr>
                  <th scope="col">{t("teach.dash.assign.lesson")}</th>
                  <th scope="col">{t("teach.dash.assign.for")}</th>
                  <th scope="col">{t("teach.dash.assign.due")}</th>
                  <th scope="col">{t("teach.dash.assign.done")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("teach.dash.assign.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id} className={a.overdue > 0 ? "overdue" : undefined}>
                    <th scope="row">
                      {a.lessonNumber}. {a.lessonTitle}{" "}
                      <Link className="small" to={`/teach/guide/${a.lesson}`} aria-label={t("guide.link.columnLabel", { title: a.lessonTitle })}>
                        {t("guide.link.column")}
                      </Link>
                    </th>
                    <td>{a.wholeClass ? t("teach.dash.assign.wholeClass") : a.targetNames.join(", ")}</td>
                    <td>
                      {a.dueLabel || <span className="muted">{t("teach.dash.assign.noDue")}</span>}
                      {a.overdue > 0 ? (
                        <>
                          {" "}
                          <span className="badge bad">{t("teach.dash.assign.overdueCount", { n: a.overdue })}</span>
                          <span className="small overdue-names">{a.overdueNames.join(", ")}</span>
                        </>
                      ) : a.pastDue ? (
                        <>
                          {" "}
                          <span className="badge good">{t("teach.dash.assign.allDone")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t("teach.dash.assign.doneOf", { n: a.completed, total: a.assigned })}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <button type="submit" className="secondary small-button">
                          {t("teach.dash.assign.remove")}
                          <span className="visually-hidden"> — {a.lessonTitle}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
