/**
 * /learn — the student's home: "continue where you left off", the lessons their teacher assigned
 * (with due dates), every module with its progress, and how sure vs how right they have been.
 * Visitors see the modules and a quiet offer to sign in.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCourse } from "~/course/course.server";
import { lessonIndex } from "~/course/course-index";
import { QUIZ_STEP, lessonPath } from "~/course/lesson-paths";
import type { CalibrationSummary } from "~/course/scoring";
import type { Locale } from "~/course/types";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import { CalibrationTable } from "~/components/lesson/calibration-table";
import { currentTimeZone } from "~/utils/request-scope.server";
import { listMyAssignments, listProgress, type ProgressRow } from "~/models/progress.server";
import { calibrationFor } from "~/models/quiz.server";
import learnStyles from "~/styles/learn.css";
import { localeOf } from "~/utils/locale-of.server";
import { getSessionUser } from "~/utils/session.server";

export const links = () => [{ rel: "stylesheet", href: learnStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.pageTitle} · Lantern` : "Lantern" }];

type LessonState = "not_started" | "in_progress" | "completed";

interface LessonCard {
  slug: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  state: LessonState;
  stepsDone: number;
  stepCount: number;
  quizDone: boolean;
}

export async function loader({ request }: LoaderFunctionArgs) {
  // The guard is optional on purpose: visitors may browse the course (nothing is saved).
  const user = await getSessionUser(request);
  const locale = await localeOf(request);
  const t = translator(locale);
  const [progress, assignments, calibration] = user
    ? await Promise.all([listProgress(user), listMyAssignments(user), calibrationFor(user)])
    : [[], [], null];
  const bySlug = new Map(progress.map((p) => [p.lessonSlug, p]));
  const lessons = getCourse().lessons.map((lesson): LessonCard => {
    const row = bySlug.get(lesson.slug);
    const { stepIndex } = lessonIndex(lesson);
    return {
      slug: lesson.slug,
      number: lesson.number,
      title: lesson.content[locale].title,
      summary: lesson.content[locale].summary,
      minutes: lesson.minutes,
      state: row ? row.status : "not_started",
      stepsDone: row ? row.stepsDone.filter((id) => stepIndex.has(id)).length : 0,
      stepCount: stepIndex.size,
      quizDone: row?.stepsDone.includes(QUIZ_STEP) ?? false,
    };
  });
  const cardOf = new Map(lessons.map((l) => [l.slug, l]));
  const now = Date.now();
  const assigned = assignments.flatMap((a) => {
    const card = cardOf.get(a.lessonSlug);
    if (!card) return [];
    return [
      {
        id: a.id,
        lesson: card,
        className: a.className,
        due: a.dueAt ? formatDue(a.dueAt, locale) : null,
        instructions: a.instructions,
        overdue: !a.joinedLate && a.dueAt !== null && a.dueAt.getTime() < now && card.state !== "completed",
        joinedLate: a.joinedLate && card.state !== "completed",
      },
    ];
  });
  return {
    signedIn: user !== null,
    displayName: user?.displayName ?? null,
    // right after joining a class: the username to write down (it may have a number added)
    welcomeUsername: user && new URL(request.url).searchParams.get("welcome") === "1" ? user.username : null,
    lessons,
    assigned,
    continueWith: pickContinue(progress, lessons, assigned.map((a) => a.lesson)),
    calibration: calibration && calibration.total > 0 ? calibration : null,
    pageTitle: user ? t("learn.home.titleSignedIn") : t("learn.home.titleVisitor"),
  };
}

/** Due dates are formatted on the server, on the school's clocks, so hydration agrees. */
function formatDue(date: Date, locale: Locale): string {
  const timeZone = currentTimeZone();
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZone }).format(date);
}

/**
 * What "Continue" opens: the lesson most recently worked on that is not finished; else the first
 * assigned lesson not finished; else the first lesson not started. Null when everything is done.
 */
function pickContinue(progress: ProgressRow[], lessons: LessonCard[], assigned: LessonCard[]) {
  const recent = progress.find((p) => p.status === "in_progress");
  const card =
    (recent && lessons.find((l) => l.slug === recent.lessonSlug)) ??
    assigned.find((l) => l.state !== "completed") ??
    lessons.find((l) => l.state === "not_started") ??
    null;
  return card ? { slug: card.slug, number: card.number, title: card.title, started: card.state !== "not_started" } : null;
}

export default function LearnHome() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main" className="page learn-home">
      <h1>{data.signedIn ? t("learn.home.titleSignedIn") : t("learn.home.titleVisitor")}</h1>
      {data.welcomeUsername ? (
        <p className="alert success" role="status">
          {t("auth.join.welcome", { username: data.welcomeUsername })}
        </p>
      ) : null}
      {!data.signedIn ? (
        <p className="visitor-note small">
          {t("learn.visitor.homeNote")} <Link to="/signin?next=%2Flearn">{t("learn.visitor.signIn")}</Link>
        </p>
      ) : null}
      {data.continueWith ? (
        <section className="card continue-card" aria-labelledby="continue-title">
          <p className="small muted" id="continue-title">
            {data.continueWith.started ? t("learn.home.continueTitle") : t("learn.home.startTitle")}
          </p>
          <p className="continue-lesson">
            <strong>{t("learn.lessonTitled", { n: data.continueWith.number, title: data.continueWith.title })}</strong>
          </p>
          <Link className="button" to={lessonPath(data.continueWith.slug)}>
            {data.continueWith.started ? t("learn.home.continue") : t("learn.home.start")}
            <span className="visually-hidden">: {data.continueWith.title}</span>
          </Link>
        </section>
      ) : data.signedIn ? (
        <p className="alert success">{t("learn.home.allDone")}</p>
      ) : null}

      {data.signedIn ? (
        <section aria-labelledby="assigned-title">
          <h2 id="assigned-title">{t("learn.home.assigned")}</h2>
          {data.assigned.length === 0 ? (
            <p className="muted">{t("learn.home.noAssignments")}</p>
          ) : (
            <ul className="assignment-list" role="list">
              {data.assigned.map((a) => (
                <li key={a.id} className="card assignment">
                  <div>
                    <Link to={lessonPath(a.lesson.slug)} className="assignment-title">
                      {t("learn.lessonTitled", { n: a.lesson.number, title: a.lesson.title })}
                    </Link>
                    <p className="small muted">
                      {a.className}
                      {" · "}
                      {a.due ? t("learn.home.due", { date: a.due }) : t("learn.home.noDue")}
                    </p>
                    {a.instructions ? (
                      <p className="small assignment-instructions">
                        <strong>{t("learn.home.instructions")}</strong> {a.instructions}
                      </p>
                    ) : null}
                  </div>
                  <div className="assignment-status">
                    {a.overdue ? <span className="badge bad">{t("learn.home.overdue")}</span> : null}
                    {a.joinedLate ? <span className="badge">{t("learn.home.joinedLate")}</span> : null}
                    <StateBadge card={a.lesson} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t("learn.home.modules")}</h2>
        <ol className="grid lesson-cards" role="list">
          {data.lessons.map((l) => (
            <li key={l.slug} className="card lesson-card">
              <p className="small muted">
                {t("learn.lessonN", { n: l.number })} · {t("learn.minutes", { n: l.minutes })}
              </p>
              <h3>
                <Link to={lessonPath(l.slug)}>{l.title}</Link>
              </h3>
              <p className="small">{l.summary}</p>
              {data.signedIn ? (
                <div className="lesson-card-progress">
                  <StateBadge card={l} />
                  {l.state !== "not_started" ? (
                    <progress max={l.stepCount + 1} value={l.stepsDone + (l.quizDone ? 1 : 0)} aria-label={t("learn.home.progressOf", { title: l.title })} />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {data.calibration ? <CalibrationCard summary={data.calibration} /> : null}
    </main>
  );
}

function StateBadge({ card }: { card: LessonCard }) {
  const t = useT();
  if (card.state === "completed") return <span className="badge good">✓ {t("learn.state.completed")}</span>;
  if (card.state === "in_progress") {
    return <span className="badge brand">{t("learn.state.inProgress", { done: card.stepsDone, total: card.stepCount })}</span>;
  }
  return <span className="badge">{t("learn.state.notStarted")}</span>;
}

function CalibrationCard({ summary }: { summary: CalibrationSummary }) {
  const t = useT();
  return (
    <section className="card calibration-card" aria-labelledby="calibration-title">
      <h2 id="calibration-title">{t("learn.calibration.homeTitle")}</h2>
      <p className="small">{t("learn.calibration.homeLead")}</p>
      <CalibrationTable summary={summary} />
      {summary.overconfident > 0 ? <p className="small">{t("learn.calibration.overconfident", { n: summary.overconfident })}</p> : null}
    </section>
  );
}
