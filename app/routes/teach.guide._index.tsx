import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GuideSectionView } from "~/components/guide/guide-sections";
import { PrintButton } from "~/components/teach/print-button";
import { mappingRows, teachingPlanView } from "~/guides/guide-view.server";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import guideStyles from "~/styles/guide.css";
import { requireStaff } from "~/utils/auth.server";
import { localeOf } from "~/utils/locale-of.server";

export const links = () => [{ rel: "stylesheet", href: guideStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/** Teachers only: the guides index and the 8- and 4-hour teaching plan, printable. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const locale = await localeOf(request);
  return {
    pageTitle: translator(locale)("guide.index.pageTitle"),
    lessons: mappingRows(locale),
    plan: teachingPlanView(locale),
  };
}

export default function GuideIndex() {
  const { lessons, plan } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page guide-page">
      <div className="no-print guide-actions">
        <PrintButton label={t("guide.print")} />
        <span className="small muted">{t("guide.printHint")}</span>
      </div>
      <h1>{t("guide.index.title")}</h1>
      <p className="lead">{t("guide.index.lead")}</p>
      <section aria-labelledby="g-lessons" className="guide-section">
        <h2 id="g-lessons">{t("guide.index.lessons")}</h2>
        <ol className="guide-lessons">
          {lessons.map((l) => (
            <li key={l.slug}>
              <strong>{l.title}</strong> <span className="small muted">{t("guide.index.lessonMinutes", { minutes: l.minutes })}</span>
              <br />
              <Link to={`/teach/guide/${l.slug}`}>{t("guide.index.guide")}</Link>
              {" · "}
              <Link to={`/teach/guide/${l.slug}/handout`}>{t("guide.index.handout")}</Link>
            </li>
          ))}
        </ol>
        <p className="no-print">
          <Link to="/teach/frameworks">{t("guide.index.mapping")}</Link>
        </p>
      </section>
      {plan.sections.map((section) => (
        <GuideSectionView key={section.id} section={section} />
      ))}
    </main>
  );
}
