import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressMatrix } from "~/components/teach/progress-matrix";
import { useT } from "~/i18n/use-t";
import { buildClassProgress, forThePage, parseProgressQuery, viewContextFor } from "~/models/dashboard.server";
import { requireSchoolClass } from "~/models/dashboard-school.server";
import { requireAdmin } from "~/utils/auth.server";
import { StatList } from "~/components/ui/stat-list";

/**
 * Any class of the school, read-only, for the admin: the progress matrix without links into
 * students' details (those belong to the class's teacher) and without any action.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const cls = await requireSchoolClass(admin, params.classId ?? "");
  const ctx = await viewContextFor(request);
  const view = await buildClassProgress(cls, parseProgressQuery(new URL(request.url).searchParams), ctx);
  return { cls, view: forThePage(view) };
}

export default function AdminClass() {
  const { cls, view } = useLoaderData<typeof loader>();
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
          { label: t("teach.dash.stat.activeNow"), value: view.summary.activeNow },
          { label: t("admin.stat.completion"), value: `${view.summary.completionPercent}%` },
        ]}
      />
      {view.students.length === 0 ? <p className="muted">{t("teach.dash.noStudents")}</p> : <ProgressMatrix view={view} />}
    </div>
  );
}
