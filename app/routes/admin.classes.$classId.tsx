import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { StudentAccountOutcome, StudentAccounts } from "~/components/teach/student-accounts";
import { listSchoolClassStudents } from "~/models/admin-students.server";
import { studentAccountAction, type StudentAccountResult } from "~/forms/student-account-action.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  await requireSchoolClass(admin, params.classId ?? "");
  return studentAccountAction(admin, request);
}

export default function AdminClass() {
  const { cls, view, students } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as StudentAccountResult | undefined;
  const t = useT();
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
          {
            label: t("teach.dash.stat.activeNow"),
            value: view.summary.activeNow,
          },
          {
            label: t("admin.stat.completion"),
            value: `${view.summary.completionPercent}%`,
          },
        ]}
      />
      {view.students.length === 0 ? <p className="muted">{t("teach.dash.noStudents")}</p> : <ProgressMatrix view={view} />}
      {students.length > 0 ? (
        <section aria-labelledby="accounts-h" className="no-print" style={{ marginTop: "1.5rem" }}>
          <h3 id="accounts-h">{t("admin.class.accounts")}</h3>
          <p className="muted small">{t("admin.class.accountsLead")}</p>
          <StudentAccountOutcome result={result} cardsTitle={cls.name} />
          <StudentAccounts students={students} caption={t("admin.class.accounts")} />
        </section>
      ) : null}
    </div>
  );
}
