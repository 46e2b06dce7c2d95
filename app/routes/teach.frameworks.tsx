import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BigIdeaList, ChinaAreaList, CstaList } from "~/components/guide/frameworks-list";
import { PrintButton } from "~/components/teach/print-button";
import { mappingRows } from "~/guides/guide-view.server";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import guideStyles from "~/styles/guide.css";
import { requireStaff } from "~/utils/auth.server";
import { localeOf } from "~/utils/locale-of.server";

export const links = () => [{ rel: "stylesheet", href: guideStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/** For heads of department: every lesson against AI4K12, China's 2025 guidelines and CSTA. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const locale = await localeOf(request);
  return { pageTitle: translator(locale)("guide.map.pageTitle"), rows: mappingRows(locale) };
}

export default function FrameworksPage() {
  const { rows } = useLoaderData<typeof loader>();
  const t = useT();
  const cstaUsed = [...new Set(rows.flatMap((r) => r.frameworks.csta))].sort();
  return (
    <main id="main" className="page guide-page mapping">
      <div className="no-print guide-actions">
        <PrintButton label={t("guide.print")} />
        <Link to="/teach/guide">{t("guide.lesson.allGuides")}</Link>
      </div>
      <h1>{t("guide.map.title")}</h1>
      <p>{t("guide.map.lead")}</p>
      <div className="table-scroll">
        <table className="mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th scope="col">{t("guide.map.lesson")}</th>
              <th scope="col">{t("guide.map.bigIdeas")}</th>
              <th scope="col">{t("guide.map.china")}</th>
              <th scope="col">{t("guide.map.csta")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.slug} data-lesson={row.slug}>
                <th scope="row">
                  {row.number}. <Link to={`/teach/guide/${row.slug}`}>{row.title}</Link>
                </th>
                <td>
                  <BigIdeaList ideas={row.frameworks.bigIdeas} />
                </td>
                <td>
                  <ChinaAreaList areas={row.frameworks.china2025} />
                </td>
                <td>
                  <CstaList ids={row.frameworks.csta} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("guide.map.csta")}</h2>
      <CstaList ids={cstaUsed} withText />
      <h2>{t("guide.map.sources")}</h2>
      <ul className="small">
        <li>{t("guide.map.noteAi4k12")}</li>
        <li>{t("guide.map.noteChina")}</li>
        <li>{t("guide.map.noteCsta")}</li>
      </ul>
    </main>
  );
}
