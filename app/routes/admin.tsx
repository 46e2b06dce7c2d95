import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { getSchool } from "~/models/schools.server";
import { requireAdmin } from "~/utils/auth.server";
import { translator } from "~/i18n/catalogs.server";
import { localeOf } from "~/utils/locale-of.server";
import teachStyles from "~/styles/teach.css";

export const links = () => [{ rel: "stylesheet", href: teachStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Lantern" }];

/** The frame of the school admin's pages: the school's name and the admin tabs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const school = await getSchool(admin);
  const t = translator(await localeOf(request));
  return { schoolName: school?.name ?? "", title: t("admin.pageTitle") };
}

export default function AdminFrame() {
  const { schoolName } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page admin">
      <p className="small muted admin-kicker">{t("admin.kicker")}</p>
      <h1>{schoolName}</h1>
      <nav aria-label={t("admin.sections")} className="tabs no-print">
        <NavLink to="/admin" end>
          {t("admin.tab.overview")}
        </NavLink>
        <NavLink to="/admin/teachers">{t("admin.tab.teachers")}</NavLink>
        <NavLink to="/admin/import">{t("teach.import.tab")}</NavLink>
        <NavLink to="/admin/models">{t("admin.tab.models")}</NavLink>
        <NavLink to="/admin/settings">{t("admin.tab.settings")}</NavLink>
        <NavLink to="/admin/signin">{t("admin.tab.signin")}</NavLink>
      </nav>
      <Outlet />
    </main>
  );
}
