import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewClassSchema } from "~/forms/teach.server";
import { Field } from "~/components/ui/field";
import { getCourse } from "~/course/course.server";
import { withColon } from "~/i18n/list";
import { useT } from "~/i18n/use-t";
import { translator } from "~/i18n/catalogs.server";
import { localeOf } from "~/utils/locale-of.server";
import { listClassSummaries } from "~/teach/class-summaries.server";
import { createClass } from "~/models/classes.server";
import { requireStaff } from "~/utils/auth.server";
import { formObject, readForm, validate } from "~/utils/forms.server";
import { StatList } from "~/components/ui/stat-list";
import { SafeguardingAlerts } from "~/components/teach/safeguarding-alerts";
import { listSafeguardingAlerts } from "~/models/safeguarding.server";
import { MAX_CHARS } from "~/utils/form-limits";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const [classes, alerts] = await Promise.all([listClassSummaries(teacher), listSafeguardingAlerts(teacher)]);
  const outcome = new URL(request.url).searchParams.get("safeguarding");
  const t = translator(await localeOf(request));
  return { classes, lessonCount: getCourse().lessons.length, alerts, outcome, pageTitle: t("teach.pageTitle") };
}


export async function action({ request }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const parsed = validate(NewClassSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const cls = await createClass(teacher, parsed.data.name);
  return redirect(`/teach/classes/${cls.id}/roster`);
}

export default function TeachHome() {
  const { classes, lessonCount, alerts, outcome } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <main id="main" className="page">
      <h1>{t("teach.title")}</h1>
      <SafeguardingAlerts alerts={alerts} back="/teach" outcome={outcome} />
      <p className="teach-guides">
        <Link to="/teach/guide">{t("guide.link.home")}</Link>
        {" · "}
        <Link to="/teach/frameworks">{t("guide.index.mapping")}</Link>
      </p>
      {classes.length === 0 ? <p className="muted">{t("teach.noClasses")}</p> : null}
      <ul className="grid" role="list" style={{ listStyle: "none", padding: 0 }}>
        {classes.map((c) => {
          const possible = c.students * lessonCount;
          const completion = possible > 0 ? Math.round((100 * c.completedLessons) / possible) : 0;
          return (
            <li key={c.id} className="card">
              <h2 style={{ marginTop: 0 }}>
                <Link to={`/teach/classes/${c.id}`}>{c.name}</Link>{" "}
                {c.archived ? <span className="badge warn">{t("teach.archived")}</span> : null}
              </h2>
              <StatList
                stats={[
                  { label: t("teach.summary.students"), value: c.students },
                  { label: t("teach.summary.activeToday"), value: c.activeToday },
                  { label: t("teach.summary.completion"), value: `${completion}%` },
                  { label: t("teach.summary.flags"), value: c.openFlags > 0 ? <span className="badge bad">{c.openFlags}</span> : 0 },
                ]}
              />
              <p className="small muted">
                {c.joinEnabled ? (
                  <>
                    {withColon(t("teach.joinCode"), t("guide.colon"))}<strong className="join-code">{c.joinCode}</strong>
                  </>
                ) : (
                  t("teach.joinOff")
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <section className="card" aria-labelledby="new-class" style={{ marginTop: "1.5rem", maxWidth: "32rem" }}>
        <h2 id="new-class" style={{ marginTop: 0 }}>
          {t("teach.newClass")}
        </h2>
        <Form method="post">
          <Field name="name" label={t("teach.className")} required maxLength={MAX_CHARS.className} error={result?.errors.name} />
          <button type="submit" className="primary">
            {t("teach.createClass")}
          </button>
        </Form>
      </section>
    </main>
  );
}
