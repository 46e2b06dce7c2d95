import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteAssignmentSchema as DeleteSchema, EditAssignmentSchema, NewAssignmentSchema, PASSED_DUE_MESSAGES, passedDueField } from "~/forms/assignments.server";
import { getCourse } from "~/course/course.server";
import { TableRegion } from "~/components/ui/table-region";
import { useT } from "~/i18n/use-t";
import {
  createAssignment,
  deleteAssignment,
  listClassAssignments,
  updateAssignment,
  type AssignmentInput,
  type AssignmentView,
  type AssignmentWrite,
} from "~/models/assignments.server";
import { requireTeacherOf } from "~/models/classes.server";
import { viewContextFor } from "~/teach/view-context.server";
import { listClassStudents } from "~/models/students.server";
import { byStudentName } from "~/utils/name-order";
import { AssignmentForm, type AssignmentFormValues } from "~/components/teach/assignment-form";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { currentTimeZone } from "~/utils/request-scope.server";
import { wallDay, wallTime } from "~/utils/time-zone";
import { timeZoneLabel } from "~/utils/time-zone-names.server";
import teachStyles from "~/styles/teach.css";
import { useFocusWhenShown } from "~/components/ui/focus-when-shown";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/** The edit form's starting values: the saved assignment, its due moment on the school's clocks. */
function formValues(a: AssignmentView, zone: string): AssignmentFormValues {
  const due = a.dueAt ? new Date(a.dueAt) : null;
  return {
    lesson: a.lesson,
    due: due ? wallDay(due, zone) : "",
    dueTime: due ? wallTime(due, zone) : "",
    instructions: a.instructions ?? "",
    target: a.wholeClass ? "class" : "students",
    students: a.targetIds,
  };
}

/** /teach/classes/:id/assignments, and ?edit=<assignment id> to change one (a plain link: no JavaScript needed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const classId = params.classId ?? "";
  const [assignments, students] = await Promise.all([
    listClassAssignments(teacher, classId, ctx),
    listClassStudents(teacher, classId),
  ]);
  const zone = currentTimeZone();
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = editId ? assignments.find((a) => a.id === editId) : undefined;
  if (editId && !editing) notFound();
  return {
    title: ctx.t("teach.dash.assign.pageTitle"),
    assignments,
    editing: editing ? { id: editing.id, values: formValues(editing, zone), cancelHref: new URL(request.url).pathname } : null,
    timeZone: timeZoneLabel(zone, ctx.locale),
    students: students.sort(byStudentName(ctx.locale)).map((s) => ({ id: s.id, displayName: s.displayName, username: s.username })),
    lessons: getCourse().lessons.map((l) => ({ slug: l.slug, number: l.number, title: l.content[ctx.locale].title })),
  };
}

type Result = {
  errors: FieldErrors;
  notice: "created" | "updated" | "deleted" | null;
  /** The assignment that already gives this lesson to these students: the page links to editing it. */
  existingId?: string;
};

/** A refused write as the form shows it: the field to fix and what to do; status 400, nothing written. */
function refusal(outcome: Exclude<AssignmentWrite, { ok: true }>, input: AssignmentInput) {
  switch (outcome.problem) {
    case "noneEnrolled":
      return data<Result>({ errors: { students: "teach.dash.assign.pickStudents" }, notice: null }, { status: 400 });
    case "alreadyAssigned": {
      const errors: FieldErrors =
        input.target === "class" ? { lesson: "teach.dash.assign.alreadyAssignedClass" } : { students: "teach.dash.assign.alreadyAssignedStudents" };
      return data<Result>({ errors, notice: null, existingId: outcome.existingId }, { status: 400 });
    }
    case "dueInPast": {
      const field = input.dueAt ? (passedDueField(input.dueAt, currentTimeZone()) ?? "due") : "due";
      return data<Result>({ errors: { [field]: PASSED_DUE_MESSAGES[field] }, notice: null }, { status: 400 });
    }
  }
}

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
  if (form.intent === "update") {
    const parsed = validate(EditAssignmentSchema, form);
    if (!parsed.ok) return data<Result>({ errors: parsed.errors, notice: null }, { status: 400 });
    const outcome = await updateAssignment(teacher, classId, parsed.data.assignmentId, parsed.data);
    return outcome.ok ? data<Result>({ errors: {}, notice: "updated" }) : refusal(outcome, parsed.data);
  }
  const parsed = validate(NewAssignmentSchema, form);
  if (!parsed.ok) return data<Result>({ errors: parsed.errors, notice: null }, { status: 400 });
  const outcome = await createAssignment(teacher, classId, parsed.data);
  return outcome.ok ? data<Result>({ errors: {}, notice: "created" }) : refusal(outcome, parsed.data);
}

const NOTICES = { created: "teach.dash.assign.created", updated: "teach.dash.assign.updated", deleted: "teach.dash.assign.deleted" } as const;

export default function AssignmentsPage() {
  const { assignments, students, lessons, editing, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  const errors = result?.errors ?? {};
  // the form is rebuilt after a save (a fresh one for the next assignment), and the pressed button
  // with it: the keyboard goes to what was done (found in a walk: focus fell to the page)
  const noticeRef = useFocusWhenShown<HTMLDivElement>();
  const formKey = result?.notice ? `${result.notice}-${assignments.length}` : null;
  return (
    <div className="dash assignments">
      {result?.notice ? (
        <div className="alert success" role="status" key={formKey} ref={noticeRef} tabIndex={-1}>
          {t(NOTICES[result.notice])}
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="form-error" role="alert">
          {t("form.fixErrors")}
        </div>
      ) : null}

      <AssignmentForm
        // after saving, the list below shows the change and the form starts afresh
        editing={editing && result?.notice !== "updated" ? editing : undefined}
        lessons={lessons}
        students={students}
        timeZone={timeZone}
        errors={errors}
        existingHref={result?.existingId ? `?edit=${result.existingId}#assign-h` : undefined}
        formKey={formKey ?? editing?.id ?? "new"}
      />

      <section aria-labelledby="assigned-h">
        <h2 id="assigned-h">{t("teach.dash.assign.list")}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t("teach.dash.assign.none")}</p>
        ) : (
          <TableRegion name={t("teach.dash.assign.list")}>
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
                    <td>
                      {a.wholeClass ? t("teach.dash.assign.wholeClass") : a.targetNames.join(", ")}
                      {a.instructions ? <p className="small muted assign-instructions">{a.instructions}</p> : null}
                    </td>
                    <td>
                      {a.dueLabel || <span className="muted">{t("teach.dash.assign.noDue")}</span>}
                      {a.overdue > 0 ? (
                        <>
                          {" "}
                          <span className="badge bad">{t("teach.dash.assign.overdueCount", { n: a.overdue })}</span>
                          <span className="small overdue-names">{a.overdueNames.join(", ")}</span>
                        </>
                      ) : a.pastDue && a.joinedLateNames.length === 0 ? (
                        <>
                          {" "}
                          <span className="badge good">{t("teach.dash.assign.allDone")}</span>
                        </>
                      ) : null}
                      {a.joinedLateNames.length > 0 ? (
                        <>
                          {" "}
                          <span className="badge">{t("teach.dash.assign.joinedLateCount", { n: a.joinedLateNames.length })}</span>
                          <span className="small joined-late-names">{a.joinedLateNames.join(", ")}</span>
                          <span className="small muted">{t("teach.dash.assign.joinedLateHint")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t("teach.dash.assign.doneOf", { n: a.completed, total: a.assigned })}</td>
                    <td className="assign-actions">
                      <Link className="button secondary small-button" to={`?edit=${a.id}#assign-h`}>
                        {t("teach.dash.assign.editLink")}
                        <span className="visually-hidden"> — {a.lessonTitle}</span>
                      </Link>
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
          </TableRegion>
        )}
      </section>
    </div>
  );
}
