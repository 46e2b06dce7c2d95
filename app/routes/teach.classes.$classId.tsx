import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireTeacherOf } from "~/models/classes.server";
import { withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/utils/auth.server";
import { ClassAlerts } from "~/components/teach/class-alerts";
import { listSafeguardingAlerts } from "~/models/safeguarding.server";
import { joinLink, publicUrlOf } from "~/models/public-url.server";
import { JoinLink } from "~/components/teach/join-link";

/** The frame of every class page: its name, join code and tabs. Child routes render below. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const url = new URL(request.url);
  return {
    alerts: await listSafeguardingAlerts(teacher, { classId: cls.id }),
    outcome: url.searchParams.get("safeguarding"),
    cls: {
      id: cls.id,
      name: cls.name,
      joinCode: cls.joinCode,
      joinEnabled: cls.joinEnabled,
      archived: cls.archivedAt !== null,
      // the school's public address, never this request's Host header (decision 017)
      joinLink: joinLink(await publicUrlOf(teacher), cls.joinCode),
    },
  };
}

/** Every class page is titled by its class (child pages without their own title use this). */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.cls.name} — Lantern` : "Lantern" }];

/** The frame changes only when a form changed the class, or on another class: not on live refresh. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod !== "GET"
    ? defaultShouldRevalidate
    : currentParams.classId !== nextParams.classId || currentUrl.search !== nextUrl.search;

export default function ClassFrame() {
  const { cls, alerts, outcome } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/teach/classes/${cls.id}`;
  return (
    <main id="main" className="page">
      <div className="class-frame-head">
        <p className="small">
          <NavLink to="/teach">{t("teach.allClasses")}</NavLink>
        </p>
        <ClassAlerts base={base} alerts={alerts} outcome={outcome} />
        <h1>
          {cls.name} {cls.archived ? <span className="badge warn">{t("teach.archived")}</span> : null}
        </h1>
        <div className="join-code-line">
          {cls.joinEnabled ? (
            <>
              {withColon(t("teach.joinCode"), t("guide.colon"))}<strong className="join-code">{cls.joinCode}</strong>
              <JoinLink link={cls.joinLink} displayHref={`${base}/display`} />
            </>
          ) : (
            <span className="muted">{t("teach.joinOff")}</span>
          )}
        </div>
      </div>
      <nav aria-label={t("teach.classSections")} className="tabs no-print">
        <NavLink to={base} end>
          {t("teach.tab.progress")}
        </NavLink>
        <NavLink to={`${base}/quiz`}>{t("teach.tab.quiz")}</NavLink>
        <NavLink to={`${base}/assignments`}>{t("teach.tab.assignments")}</NavLink>
        <NavLink to={`${base}/playground`}>{t("teach.tab.playground")}</NavLink>
        <NavLink to={`${base}/roster`}>{t("teach.tab.roster")}</NavLink>
        <NavLink to={`${base}/settings`}>{t("teach.tab.settings")}</NavLink>
      </nav>
      <Outlet />
    </main>
  );
}
