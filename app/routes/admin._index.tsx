import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { getSchoolOverview } from "~/teach/school-overview.server";
import { requireAdmin } from "~/utils/auth.server";
import { StatList } from "~/components/ui/stat-list";
import { SafeguardingAlerts } from "~/components/teach/safeguarding-alerts";
import { listSafeguardingAlerts } from "~/models/safeguarding.server";

/** /admin: the school at a glance and every class, read-only. One aggregated query. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [overview, alerts] = await Promise.all([getSchoolOverview(admin), listSafeguardingAlerts(admin)]);
  return { overview, alerts, outcome: new URL(request.url).searchParams.get("safeguarding") };
}

export default function AdminOverview() {
  const { overview, alerts, outcome } = useLoaderData<typeof loader>();
  const t = useT();
  const { totals } = overview;
  return (
    <div className="dash">
      <h2 className="visually-hidden">{t("admin.tab.overview")}</h2>
      <SafeguardingAlerts alerts={alerts} back="/admin" outcome={outcome} />
      <StatList
        testId="school-totals"
        stats={[
          { label: t("admin.stat.teachers"), value: totals.teachers },
          { label: t("admin.stat.students"), value: totals.students },
          { label: t("admin.stat.classes"), value: totals.classes },
          { label: t("admin.stat.activeToday"), value: totals.activeToday },
          { label: t("admin.stat.completion"), value: `${totals.completionPercent}%` },
        ]}
      />

      <section aria-labelledby="classes-h">
        <h2 id="classes-h">{t("admin.classes.title")}</h2>
        <p className="small muted">{t("admin.classes.readOnly")}</p>
        {overview.classes.length === 0 ? (
          <p className="muted">{t("admin.classes.none")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="classes-h" tabIndex={0}>
            <table data-testid="school-classes">
              <thead>
                <tr>
                  <th scope="col">{t("admin.classes.name")}</th>
                  <th scope="col">{t("admin.classes.teacher")}</th>
                  <th scope="col">{t("admin.stat.students")}</th>
                  <th scope="col">{t("admin.stat.activeToday")}</th>
                  <th scope="col">{t("admin.stat.completion")}</th>
                  <th scope="col">{t("admin.stat.openFlags")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.classes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/admin/classes/${c.id}`}>{c.name}</Link>{" "}
                      {c.archived ? <span className="badge warn">{t("teach.archived")}</span> : null}
                    </th>
                    <td>{c.teacherName}</td>
                    <td>{c.students}</td>
                    <td>{c.activeToday}</td>
                    <td>{c.completionPercent}%</td>
                    <td>{c.openFlags > 0 ? <span className="badge bad">{c.openFlags}</span> : 0}</td>
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
