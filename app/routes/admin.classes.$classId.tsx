import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminStudentActionSchema } from "~/forms/admin.server";
import { FormError } from "~/components/ui/field";
import { OpenAlertsWarning } from "~/components/teach/open-alerts-warning";
import { SignInCards } from "~/components/teach/sign-in-cards";
import { ResetPasswordConfirm } from "~/components/teach/reset-password-confirm";
import { adminDeleteStudent, adminResetPassword, listSchoolClassStudents } from "~/models/admin-students.server";
import { printableCards, type PrintableCard } from "~/models/sign-in-cards.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { ProgressMatrix } from "~/components/teach/progress-matrix";
import { useT } from "~/i18n/use-t";
import { requireSchoolClass } from "~/models/classes.server";
import { buildClassProgress, forThePage } from "~/teach/class-page.server";
import { parseProgressQuery } from "~/teach/progress-query.server";
import { viewContextFor } from "~/teach/view-context.server";
import { requireAdmin } from "~/utils/auth.server";
import { StatList } from "~/components/ui/stat-list";
import rosterStyles from "~/styles/roster.css";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: rosterStyles }];

/**
 * Any class of the school for the admin: the progress matrix without links into students'
 * details (those belong to the class's teacher), and the account actions only the admin may take
 * on a student several teachers share — a new password, a full export, deletion (decision 008).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const cls = await requireSchoolClass(admin, params.classId ?? "");
  const ctx = await viewContextFor(request);
  const [view, students] = await Promise.all([
    buildClassProgress(cls, parseProgressQuery(new URL(request.url).searchParams), ctx),
    listSchoolClassStudents(admin, cls.id),
  ]);
  return { cls, view: forThePage(view), students };
}

type ActionResult = { errors: FieldErrors; cards: PrintableCard[]; notice: "reset" | "deleted" | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  await requireSchoolClass(admin, params.classId ?? "");
  const parsed = validate(AdminStudentActionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, cards: [], notice: null }, { status: 400 });
  if (parsed.data.intent === "reset") {
    const card = await adminResetPassword(admin, parsed.data.studentId);
    return data<ActionResult>({ errors: {}, cards: await printableCards(admin, [card]), notice: "reset" });
  }
  await adminDeleteStudent(admin, parsed.data.studentId);
  return data<ActionResult>({ errors: {}, cards: [], notice: "deleted" });
}

export default function AdminClass() {
  const { cls, view, students } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const error = Object.values(result?.errors ?? {})[0];
  return (
    <div className="dash">
      <p className="small">
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
      <h2>
        {cls.name} {cls.archived ? <span className="badge warn">{t("teach.archived")}</span> : null}
      </h2>
      <p className="muted">
        {t("admin.class.teacher", { name: cls.teacherName })} · {t("admin.class.readOnly")}
      </p>
      <StatList
        stats={[
          { label: t("admin.stat.students"), value: view.totalStudents },
          { label: t("teach.dash.stat.activeNow"), value: view.summary.activeNow },
          { label: t("admin.stat.completion"), value: `${view.summary.completionPercent}%` },
        ]}
      />
      {view.students.length === 0 ? <p className="muted">{t("teach.dash.noStudents")}</p> : <ProgressMatrix view={view} />}
      {students.length > 0 ? (
        <section aria-labelledby="accounts-h" className="no-print" style={{ marginTop: "1.5rem" }}>
          <h3 id="accounts-h">{t("admin.class.accounts")}</h3>
          <p className="muted small">{t("admin.class.accountsLead")}</p>
          <FormError message={error ? t(error) : null} />
          {result?.notice ? (
            <div className="alert success" role="status">
              {t(result.notice === "reset" ? "teach.roster.resetDone" : "teach.roster.deleted")}
            </div>
          ) : null}
          {result && result.cards.length > 0 ? <SignInCards cards={result.cards} className={cls.name} /> : null}
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t("admin.class.accounts")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("teach.roster.name")}</th>
                  <th scope="col">{t("teach.roster.username")}</th>
                  <th scope="col">{t("teach.roster.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {students.map((s) => (
                  <tr key={s.id}>
                    <td>{s.displayName}</td>
                    <td>
                      <code>{s.username}</code>
                    </td>
                    <td>
                      <div className="row roster-actions">
                        <ResetPasswordConfirm student={s} />
                        <a className="button secondary small-button" href={`/admin/students/${s.id}/export.json`} download>
                          {t("admin.class.exportAll")}
                        </a>
                        <details className="roster-more">
                          <summary>{t("teach.roster.more", { name: s.displayName })}</summary>
                          <Form method="post" className="danger-zone">
                            <input type="hidden" name="studentId" value={s.id} />
                            <OpenAlertsWarning name={s.displayName} count={s.openSafeguarding} alertsHref="/admin#safeguarding-h" />
                            <label className="choice">
                              <input type="checkbox" name="confirm" value="yes" required />
                              {t("admin.class.deleteConfirm", { name: s.displayName })}
                            </label>
                            <button type="submit" name="intent" value="delete" className="danger small-button">
                              {t("teach.roster.delete")}
                            </button>
                          </Form>
                        </details>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
