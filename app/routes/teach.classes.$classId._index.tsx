import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { LiveStatus } from "~/components/teach/live-refresh";
import { NeedsHelp } from "~/components/teach/needs-help";
import { ProgressFilters } from "~/components/teach/progress-filters";
import { ProgressMatrix } from "~/components/teach/progress-matrix";
import { WhereNow } from "~/components/teach/where-now";
import { useT } from "~/i18n/use-t";
import { forThePage, getClassProgress } from "~/teach/class-page.server";
import { HELP_RULES } from "~/teach/help-rules";
import { parseProgressQuery, searchMaxLength } from "~/teach/progress-query.server";
import { viewContextFor } from "~/teach/view-context.server";
import { requireStaff } from "~/utils/auth.server";
import teachStyles from "~/styles/teach.css";
import { StatList } from "~/components/ui/stat-list";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/**
 * The class page: progress matrix, who needs help, where everyone is now. Sort and filter come
 * from the query string (works without JavaScript); the page refreshes itself while open.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const query = parseProgressQuery(new URL(request.url).searchParams);
  const view = await getClassProgress(teacher, params.classId ?? "", query, ctx);
  return {
    view: forThePage(view),
    searchMaxLength,
    title: ctx.t("teach.dash.progress.pageTitle", { name: view.className }),
    rulesText: ctx.t("teach.dash.help.rules", {
      streak: HELP_RULES.wrongStreak,
      percent: view.lowScorePercent,
      notSure: HELP_RULES.notSure,
      factor: HELP_RULES.stuckFactor,
      extra: HELP_RULES.stuckMinExtraMinutes,
    }),
  };
}

export default function ClassProgressPage() {
  const { view, rulesText, searchMaxLength } = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const base = `/teach/classes/${view.classId}`;
  const studentHref = (id: string) => `${base}/students/${id}`;
  return (
    <div className="dash">
      <div className="dash-top">
        <h2 className="visually-hidden">{t("teach.tab.progress")}</h2>
        <LiveStatus updatedLabel={view.updatedLabel} />
        <StatList
          testId="class-summary"
          stats={[
            { label: t("teach.dash.stat.students"), value: view.totalStudents },
            { label: t("teach.dash.stat.activeNow"), value: view.summary.activeNow },
            { label: t("teach.dash.stat.needHelp"), value: view.summary.needHelp },
            { label: t("teach.dash.stat.completion"), value: `${view.summary.completionPercent}%` },
          ]}
        />
      </div>

      {view.totalStudents === 0 ? (
        <div className="alert info">
          {t("teach.dash.noStudents")} <Link to={`${base}/roster`}>{t("teach.dash.addStudents")}</Link>
        </div>
      ) : (
        <>
          <NeedsHelp students={view.students} studentHref={studentHref} rulesText={rulesText} />

          <section aria-labelledby="matrix-h">
            <h2 id="matrix-h">{t("teach.dash.matrix.title")}</h2>
            <ProgressFilters query={view.query} shown={view.students.length} total={view.totalStudents} searchMaxLength={searchMaxLength} />
            {view.students.length === 0 ? (
              <p className="muted">{t("teach.dash.filter.empty")}</p>
            ) : (
              <ProgressMatrix view={view} studentHref={studentHref} />
            )}
          </section>

          <WhereNow students={view.students} studentHref={studentHref} />
        </>
      )}

      <section aria-labelledby="export-h" className="exports no-print">
        <h2 id="export-h">{t("teach.dash.export.title")}</h2>
        <ul className="export-links">
          <li>
            <a href={`${base}/export/gradebook.csv${location.search}`} download data-testid="export-gradebook">
              {t("teach.dash.export.gradebook")}
            </a>
            <span className="small muted"> — {t("teach.dash.export.gradebookHint")}</span>
          </li>
          <li>
            <a href={`${base}/export/responses.csv`} download>
              {t("teach.dash.export.responses")}
            </a>
          </li>
          <li>
            <a href={`${base}/export/class.json`} download>
              {t("teach.dash.export.json")}
            </a>
          </li>
          <li>
            <Link to={`${base}/report`}>{t("teach.dash.export.report")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
