import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { StudentAccountOutcome, StudentAccounts } from "~/components/teach/student-accounts";
import { listStudentsWithoutClass } from "~/models/admin-students.server";
import { studentAccountAction, type StudentAccountResult } from "~/forms/student-account-action.server";
import { TableRegion } from "~/components/ui/table-region";
import { useT } from "~/i18n/use-t";
import { getSchoolOverview } from "~/teach/school-overview.server";
import { requireAdmin } from "~/utils/auth.server";
import { StatList } from "~/components/ui/stat-list";
import { SafeguardingAlerts } from "~/components/teach/safeguarding-alerts";
import { listSafeguardingAlerts } from "~/models/safeguarding.server";
import { getSchoolSettings } from "~/models/schools.server";
import { localeOf } from "~/utils/locale-of.server";
import { serverTimeZone } from "~/utils/time-zone";
import { timeZoneLabel } from "~/utils/time-zone-names.server";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

/** /admin: the school at a glance and every class, read-only. One aggregated query. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const [overview, alerts, withoutClass, settings, locale] = await Promise.all([
    getSchoolOverview(admin),
    listSafeguardingAlerts(admin),
    listStudentsWithoutClass(admin),
    getSchoolSettings(admin),
    localeOf(request),
  ]);
  return {
    overview,
    // a new school runs on the server's zone (UTC on most servers) until the admin picks one:
    // found in a school admin's walk, where nothing said so and due dates were eight hours off
    zoneToSet: settings.timeZone ? null : timeZoneLabel(serverTimeZone(), locale),
    alerts,
    withoutClass,
    outcome: new URL(request.url).searchParams.get("safeguarding"),
  };
}

/** The account actions on a student in no class: the same as on a class's admin page. */
export async function action({ request }: ActionFunctionArgs) {
  return studentAccountAction(await requireAdmin(request), request);
}

export default function AdminOverview() {
  const { overview, alerts, withoutClass, outcome, zoneToSet } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as StudentAccountResult | undefined;
  const t = useT();
  const { totals } = overview;
  return (
    <div className="dash">
      <h2 className="visually-hidden">{t("admin.tab.overview")}</h2>
      <SafeguardingAlerts alerts={alerts} back="/admin" outcome={outcome} />
      {zoneToSet ? (
        <p className="alert info" data-testid="zone-to-set">
          {t("admin.overview.zoneToSet", { zone: zoneToSet })} <Link to="/admin/settings#f-timeZone">{t("admin.overview.zoneToSetLink")}</Link>
        </p>
      ) : null}
      <StatList
        testId="school-totals"
        stats={[
          { label: t("admin.stat.teachers"), value: totals.teachers },
          { label: t("admin.stat.students"), value: totals.students },
          { label: t("admin.stat.classes"), value: totals.classes },
          { label: t("admin.stat.activeToday"), value: totals.activeToday },
          {
            label: t("admin.stat.completion"),
            value: `${totals.completionPercent}%`,
          },
        ]}
      />

      <section aria-labelledby="classes-h">
        <h2 id="classes-h">{t("admin.classes.title")}</h2>
        <p className="small muted">{t("admin.classes.readOnly")}</p>
        {overview.classes.length === 0 ? (
          <p className="muted">{t("admin.classes.none")}</p>
        ) : (
          <TableRegion name={t("admin.classes.title")}>
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
                      <Link to={`/admin/classes/${c.id}`}>{c.name}</Link> {c.archived ? <span className="badge warn">{t("teach.archived")}</span> : null}
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
          </TableRegion>
        )}
      </section>

      {withoutClass.length > 0 || result ? (
        <section aria-labelledby="without-class-h">
          <h2 id="without-class-h">{t("admin.withoutClass.title", { count: withoutClass.length })}</h2>
          <p className="small muted">{t("admin.withoutClass.lead")}</p>
          <StudentAccountOutcome result={result} cardsTitle={t("admin.withoutClass.cards")} />
          {withoutClass.length > 0 ? (
            <StudentAccounts
              students={withoutClass}
              caption={t("admin.withoutClass.title", {
                count: withoutClass.length,
              })}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
