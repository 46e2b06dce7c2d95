import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FrameworksSummary } from "~/components/guide/frameworks-list";
import { AnswerKey, GuideSectionView } from "~/components/guide/guide-sections";
import { PrintButton } from "~/components/teach/print-button";
import { lessonGuideView } from "~/guides/guide-view.server";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import guideStyles from "~/styles/guide.css";
import { requireStaff } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { localeOf } from "~/utils/locale-of.server";

export const links = () => [{ rel: "stylesheet", href: guideStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/** Teachers only: one lesson's guide, with the answer key built from its quiz. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const locale = await localeOf(request);
  const view = lessonGuideView(params.lesson ?? "", locale);
  if (!view) notFound();
  return { ...view, pageTitle: translator(locale)("guide.lesson.pageTitle", { title: view.lesson.title }) };
}

/** The answer key goes after the discussion questions, where a teacher marks the quiz. */
const KEY_AFTER = "discussion";

export default function LessonGuidePage() {
  const { lesson, objectives, periodMinutes, frameworks, teacherSections, checks, quiz } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page guide-page">
      <div className="no-print guide-actions">
        <PrintButton label={t("guide.print")} />
        <Link to={`/teach/guide/${lesson.slug}/handout`}>{t("guide.lesson.handout")}</Link>
        <Link to={`/learn/${lesson.slug}`}>{t("guide.lesson.openLesson")}</Link>
        <Link to="/teach/guide">{t("guide.lesson.allGuides")}</Link>
      </div>
      <p className="kicker">{t("guide.lesson.kicker", { n: lesson.number })}</p>
      <h1>{lesson.title}</h1>
      <p className="small muted">
        {t("guide.lesson.meta", { minutes: lesson.minutes, period: periodMinutes, grades: lesson.gradeBand })}
      </p>
      <div className="guide-overview">
        <section aria-labelledby="g-objectives">
          <h2 id="g-objectives" className="h-small">
            {t("guide.lesson.objectives")}
          </h2>
          <ul>
            {objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="g-frameworks">
          <h2 id="g-frameworks" className="h-small">
            {t("guide.lesson.frameworks")}
          </h2>
          <FrameworksSummary frameworks={frameworks} />
        </section>
      </div>
      {teacherSections.map((section) => (
        <div key={section.id}>
          <GuideSectionView section={section} />
          {section.id === KEY_AFTER ? <AnswerKey checks={checks} quiz={quiz} /> : null}
        </div>
      ))}
    </main>
  );
}
