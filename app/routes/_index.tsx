import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCourse } from "~/course/course.server";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import { localeOf } from "~/utils/locale-of.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Lantern" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await localeOf(request);
  const t = translator(locale);
  const lessons = getCourse().lessons.map((l) => ({
    slug: l.slug,
    number: l.number,
    minutes: l.minutes,
    title: l.content[locale].title,
    summary: l.content[locale].summary,
  }));
  return { lessons, title: t("home.title"), description: t("app.tagline") };
}

export default function Home() {
  const { lessons } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page">
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <div className="row">
          <Link className="button" to={lessons[0] ? `/learn/${lessons[0].slug}` : "/learn"}>
            {t("home.startReading")}
          </Link>
          <Link className="button secondary" to="/join">
            {t("home.join")}
          </Link>
          <Link className="button secondary" to="/signin">
            {t("home.teacher")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="course-heading">
        <h2 id="course-heading">{t("home.course")}</h2>
        <ol className="grid lesson-cards">
          {lessons.map((l) => (
            <li key={l.slug} className="card">
              <p className="small muted">
                {l.number} · {t("home.minutes", { n: l.minutes })}
              </p>
              <h3>
                <Link to={`/learn/${l.slug}`}>{l.title}</Link>
              </h3>
              <p>{l.summary}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="teachers-heading" className="card">
        <h2 id="teachers-heading">{t("home.forTeachers")}</h2>
        <p>{t("home.forTeachersText")}</p>
      </section>
    </main>
  );
}
