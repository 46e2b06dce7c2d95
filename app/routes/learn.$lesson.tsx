/**
 * /learn/:lesson — the lesson player. One step per URL (`?step=<id>`), then the quiz
 * (`?view=quiz`) and the finish screen (`?view=done`); the bare URL resumes where the learner
 * left off. Everything is plain links and forms, so it works without JavaScript; JavaScript adds
 * the widgets and active-time tracking. Visitors read everything; their answers are graded but
 * nothing is saved.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useActiveTime, takePendingSeconds } from "~/components/lesson/active-time";
import { useInAppLinks } from "~/components/ui/in-app-links";
import { loadAssets } from "~/assets/asset-store";
import { StepBlocks } from "~/components/lesson/blocks";
import { CheckQuestion } from "~/components/lesson/check-question";
import { FinishScreen } from "~/components/lesson/finish";
import { QuizForm, QuizResults } from "~/components/lesson/quiz";
import { SourceList } from "~/components/lesson/sources";
import { LessonProgress, StepList, type Here } from "~/components/lesson/step-nav";
import { lessonContentOf } from "~/components/lesson/content";
import { lessonContentUrl } from "~/components/lesson/content-asset.server";
import type { AnswerErrors, CheckView, GivenAnswer, LessonContent, StepContent as StepText, StepView } from "~/course/lesson-view-types";
import { widgetStyles } from "~/components/widgets/registry";
import { refusedTry, tooLongTry, triedText, tryWidget } from "~/components/widgets/server-data.server";
import { preferencePairs, type WidgetTry } from "~/course/widgets/widget-data";
import { choosePreference } from "~/models/preferences.server";
import { overBudget, sizeCost } from "~/models/widget-budget.server";
import { parseAnswer, parseLessonIntent } from "~/forms/lesson.server";
import { getCourse, getLesson } from "~/course/course.server";
import {
  checkViews,
  finishView,
  quizResults,
  quizView,
  requiredSteps,
  resolvePosition,
  unsavedCheckView,
} from "~/models/lesson-view.server";
import { DEFAULT_MAX_ATTEMPTS, calibrationPoints, gradeAnswer, scoreAttempt, type AnswerInput } from "~/course/scoring";
import { visitorSeed } from "~/course/choice-order";
import { stepLinks } from "~/course/step-links";
import { QUIZ_STEP, finishPath, lessonPath, quizPath, stepPath } from "~/course/lesson-paths";
import type { Lesson } from "~/course/types";
import { lessonIndex } from "~/course/course-index";
import { hasRealModel } from "~/playground/real-model.server";
import { translator } from "~/i18n/catalogs.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { useT } from "~/i18n/use-t";
import { completeStep, getProgress } from "~/models/progress.server";
import { calibrationFor, checkState, listLessonAnswers, quizState, saveAnswers, saveQuizAttempt } from "~/models/quiz.server";
import learnStyles from "~/styles/learn.css";
import { badRequest, notFound } from "~/utils/http.server";
import { formObject, readForm } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { getSessionUser } from "~/utils/session.server";
import { saveFailed, stored } from "~/utils/learner-write.server";
import { storableAnswer, supportForLessonText } from "~/playground/lesson-text.server";
import { SupportCard } from "~/components/playground/support-card";
import { Button } from "~/components/ui/button";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [
  { rel: "stylesheet", href: learnStyles },
  { rel: "stylesheet", href: widgetStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.pageTitle} · Lantern` },
        // the lesson's text, fetched before hydrating (entry.client.tsx): the preload starts that early
        { tagName: "link", rel: "preload", as: "fetch", crossOrigin: "anonymous", href: data.content, "data-asset": "" },
      ]
    : [{ title: "Lantern" }];

function lessonOr404(slug: string | undefined): Lesson {
  const lesson = slug ? getLesson(slug) : undefined;
  if (!lesson) notFound();
  return lesson;
}

function nextLessonAfter(lesson: Lesson): Lesson | undefined {
  return getCourse().lessons[lesson.number];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The guard here is optional on purpose: visitors may read every lesson (nothing is saved).
  const user = await getSessionUser(request);
  const lesson = lessonOr404(params.lesson);
  const locale = await localeOf(request);
  const url = new URL(request.url);

  // At most two queries, in parallel: the learner's progress row and their answers in this lesson.
  const [progress, answers] = user
    ? await Promise.all([getProgress(user, lesson.slug), listLessonAnswers(user, lesson.slug)])
    : [null, []];
  const resolved = resolvePosition(lesson, url.searchParams, progress);
  if (!resolved) throw redirect(lessonPath(lesson.slug));
  const { position, resumed } = resolved;
  // Choice order: a learner's own (by user id); a visitor's is new per page load and posted back.
  const orderSeed = user ? null : visitorSeed();
  const learner = user?.id ?? orderSeed!;

  const content = lesson.content[locale];
  const title = content.title;
  const stepsDone = progress?.stepsDone ?? [];
  const base = {
    // the lesson's text, as an asset every reader shares; the rest is this learner's own state
    content: lessonContentUrl(lesson, locale),
    stepsDone,
    quizDone: stepsDone.includes(QUIZ_STEP),
    here: position as Here,
    resumed,
    signedIn: user !== null,
    orderSeed,
    step: null as StepView | null,
    quiz: null as ReturnType<typeof quizView> | null,
    finish: null as ReturnType<typeof finishView> | null,
  };

  if (position.kind === "quiz") {
    const retry = url.searchParams.has("retry");
    const quiz = quizView(lesson, answers, locale, retry, learner);
    // Visitors keep no attempts: a retry is simply a fresh form.
    if (!user && retry) quiz.nextAttempt = DEFAULT_MAX_ATTEMPTS;
    return { ...base, quiz, pageTitle: `${title} — ${translator(locale)("learn.quiz.title")}` };
  }
  if (position.kind === "finish") {
    return { ...base, finish: finishView(lesson, locale, progress, answers, nextLessonAfter(lesson)), pageTitle: title };
  }

  const index = position.index;
  const step = content.steps[index]!;
  // The widgets' shared data is in the lesson content; the calibration widget plots the learner's
  // own answers (a third, aggregate query).
  const widgetData: Record<string, unknown> = {};
  if (step.widgets.includes("calibration")) widgetData.calibrationPoints = user ? calibrationPoints(await calibrationFor(user)) : [];
  // the preference lab's fallback says, as the widget does, whether a choice is kept
  if (step.widgets.includes("preference-lab")) widgetData.savesChoices = user?.role === "student";
  const nextStep = content.steps[index + 1];
  // Asked only where it matters: without a real model, a try-it offers its recorded reply.
  const hasTryIt = (lessonIndex(lesson).byLocale[locale].stepById.get(step.id)?.tryIts.length ?? 0) > 0;
  const realModel = hasTryIt ? await hasRealModel(user) : true;
  const stepView: StepView = {
    id: step.id,
    index,
    checks: checkViews(lesson, step, answers, locale, learner),
    widgetData,
    realModel,
    prevHref: index > 0 ? stepPath(lesson.slug, content.steps[index - 1]!.id) : null,
    nextHref: nextStep ? stepPath(lesson.slug, nextStep.id) : lesson.quiz.length > 0 ? quizPath(lesson.slug) : finishPath(lesson.slug),
    nextKind: nextStep ? "step" : lesson.quiz.length > 0 ? "quiz" : "finish",
  };
  return { ...base, step: stepView, pageTitle: `${title} — ${step.title}` };
}

/** Another lesson's text is fetched before its page shows (the asset is then kept). */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadAssets([data.content]);
  return data;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Visitors may post too: their answers are graded and shown, never saved.
  const user = await getSessionUser(request);
  const lesson = lessonOr404(params.lesson);
  const locale = await localeOf(request);
  const form = formObject(await readForm(request));
  const input = parseLessonIntent(form);
  if (!input) badRequest();
  const steps = lesson.content.en.steps;
  const { stepIndex, checkById } = lessonIndex(lesson);
  const learner = user?.id ?? ("order" in input && input.order ? input.order : visitorSeed());

  if (input.intent === "try") {
    if (input.widget !== "needle" && input.text.length > MAX_CHARS.widgetText) return answerWidgetTry(tooLongTry(input, locale), 400);
    // a widget tried without JavaScript, under the budget its API keeps for a page with it
    const over = await overBudget(request, context, sizeCost(triedText(input, locale).length), user);
    if (over) return answerWidgetTry(refusedTry(input, over.message), 429);
    return answerWidgetTry(tryWidget(input, locale));
  }

  if (input.intent === "prefer") {
    // a preference-lab choice without JavaScript: what /api/preferences does for the widget
    if (!preferencePairs(lesson.data, "en").some((p) => p.id === input.pair)) badRequest();
    const over = await overBudget(request, context, 1, user);
    if (over) return answerWidgetTry({ widget: "preference-lab", refused: over.message }, 429);
    const result = await choosePreference(user, lesson.slug, input.pair, input.choice);
    if (!result) return saveFailed();
    // a visitor's choice is kept nowhere: it is shown back with the page
    return answerWidgetTry({ widget: "preference-lab", result: result.student ? result : { ...result, mine: { [input.pair]: input.choice } } });
  }

  if (input.intent === "next") {
    const index = stepIndex.get(input.step);
    if (index === undefined) badRequest();
    const next = steps[index + 1];
    const nextHref = next ? stepPath(lesson.slug, next.id) : lesson.quiz.length > 0 ? quizPath(lesson.slug) : finishPath(lesson.slug);
    if (user) {
      const saved = await stored("step", () =>
        completeStep(user, {
          lessonSlug: lesson.slug,
          stepId: input.step,
          nextStep: next ? next.id : lesson.quiz.length > 0 ? QUIZ_STEP : input.step,
          requiredSteps: requiredSteps(lesson),
          activeSeconds: input.seconds,
        }),
      );
      if (!saved) return saveFailed();
    }
    return redirect(nextHref);
  }

  if (input.intent === "check") {
    const question = checkById.get(input.question);
    if (!question || !stepIndex.has(input.step)) badRequest();
    const back = `${stepPath(lesson.slug, input.step)}#check-${question.id}`;
    const answer = parseAnswer(form, question);
    if (!answer.ok) {
      return data({ kind: "check" as const, questionId: question.id, errors: answer.errors, given: answer.given }, { status: 400 });
    }
    const graded = gradeAnswer(question, answer.input);
    const answers = user ? await listLessonAnswers(user, lesson.slug) : [];
    // a typed answer is read as a playground message is: help for a crisis, no personal data kept
    const support = await supportForLessonText(user, [answer.input.text ?? ""], lesson.content[locale].title, locale, lastTyped(answers, [question.id]));
    if (!user) {
      const view: CheckView = unsavedCheckView(question, locale, answer.input, graded, input.attempt, learner);
      return { kind: "check" as const, questionId: question.id, view, orderSeed: learner, support };
    }
    const state = checkState(answers, question.id);
    // Only the next attempt is stored; a replayed or stale post changes nothing.
    if (input.attempt === state.nextAttempt && state.attemptsLeft > 0) {
      const saved = await stored("check answer", () =>
        saveAnswers(user, { lessonSlug: lesson.slug, kind: "check", attempt: input.attempt }, [
          { questionId: question.id, input: storable(answer.input), graded },
        ]),
      );
      if (!saved) return saveFailed({ questionId: question.id, given: givenOf(answer.input) });
    }
    // the card is this answer's alone: shown now, not kept for a reload
    if (support) return { kind: "support" as const, support };
    return redirect(back);
  }

  // The end quiz: every question in one post.
  const results = new Map<string, { input: AnswerInput; correct: boolean; graded: ReturnType<typeof gradeAnswer> }>();
  const errors: Record<string, AnswerErrors> = {};
  const given: Record<string, GivenAnswer> = {};
  for (const question of lesson.quiz) {
    const answer = parseAnswer(form, question);
    if (answer.ok) {
      const graded = gradeAnswer(question, answer.input);
      results.set(question.id, { input: answer.input, correct: graded.correct, graded });
      given[question.id] = givenOf(answer.input);
    } else {
      errors[question.id] = answer.errors;
      given[question.id] = answer.given;
    }
  }
  if (Object.keys(errors).length > 0) {
    return data({ kind: "quiz-errors" as const, errors, given }, { status: 400 });
  }
  const typed = [...results.values()].map((r) => r.input.text ?? "");
  const answers = user ? await listLessonAnswers(user, lesson.slug) : [];
  const support = await supportForLessonText(user, typed, lesson.content[locale].title, locale, lastTyped(answers, [...results.keys()]));
  if (!user) {
    const allRight = [...results.values()].every((r) => r.correct);
    const attemptsLeft = allRight ? 0 : Math.max(0, DEFAULT_MAX_ATTEMPTS - input.attempt);
    return { kind: "quiz" as const, results: quizResults(lesson, locale, results, input.attempt, attemptsLeft === 0, learner), attemptsLeft, support };
  }
  const state = quizState(answers, lesson.quiz.map((q) => q.id));
  if (input.attempt === state.nextAttempt && state.attemptsLeft > 0) {
    const score = scoreAttempt(
      [...results].map(([questionId, r]) => ({ questionId, correct: r.correct, notSure: r.input.notSure, confidence: r.input.confidence })),
      lesson.quiz.length,
    );
    const saved = await stored("quiz attempt", () =>
      saveQuizAttempt(
        user,
        { lessonSlug: lesson.slug, attempt: input.attempt },
        [...results].map(([questionId, r]) => ({ questionId, input: storable(r.input), graded: r.graded })),
        {
          nextStep: QUIZ_STEP,
          // Handing in the quiz finishes the lesson (issue 14): steps the learner skipped are
          // still listed on the finish screen, but they do not hold the lesson open.
          requiredSteps: [QUIZ_STEP],
          activeSeconds: input.seconds,
          result: { attempt: input.attempt, score: score.score, maxScore: score.maxScore, overconfident: score.overconfident.length },
        },
      ),
    );
    // The answers stay in the form, so trying again is one press.
    if (!saved) return saveFailed({ given });
  }
  if (support) return { kind: "support" as const, support };
  return redirect(`${quizPath(lesson.slug)}#quiz-results`);
}

/** What the learner typed last in these questions' boxes (answers come oldest first), or null. */
function lastTyped(answers: readonly { questionId: string; textAnswer: string | null }[], questionIds: readonly string[]): string | null {
  return answers.findLast((a) => a.textAnswer && questionIds.includes(a.questionId))?.textAnswer ?? null;
}

/** A typed answer as it is kept: without the personal data the screen finds. */
function storable(input: AnswerInput): AnswerInput {
  return input.text ? { ...input, text: storableAnswer(input.text) } : input;
}

/** What the learner entered, to show again in the form. */
function givenOf(input: AnswerInput): GivenAnswer {
  return { choices: [...input.choices], text: input.text ?? null, notSure: input.notSure, confidence: input.confidence };
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const t = useT();
  const busy = navigation.state !== "idle";
  const { here, step } = data;
  const content = lessonContentOf(data.content);
  const lesson = content.head;
  const positionKey = here.kind === "step" ? (step?.id ?? "") : here.kind === "quiz" ? QUIZ_STEP : "";
  useActiveTime(data.signedIn && positionKey !== "", lesson.slug, positionKey);

  // After moving to another step with JavaScript, put focus on the new step's title (as a page
  // load would put the reader at the top), but not on the first render. After a check is marked
  // (back at "#check-…"), on its result: the form holding the button just pressed is rebuilt, and
  // focus fell to the page's start. An answer shown without moving (a quiz's missing answers, a
  // support card) keeps the focus its own part gave it.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const shownAnswer = actionData !== undefined;
  // a check sent with nothing chosen comes back with its errors: focus goes to what is missing
  const refusedCheck = actionData !== undefined && "errors" in actionData;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash.startsWith("#check-")) focusCheck(location.hash.slice(1), refusedCheck);
    else if (!location.hash && !shownAnswer) titleRef.current?.focus();
    // location.key: a second answer to the same check comes back to the same address
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shownAnswer and refusedCheck are read, not followed
  }, [location.key]);

  // An answer that needs help: its card is read first. With JavaScript the page stays where the
  // button was pressed (the foot of a long quiz), so the card is brought into view and focused.
  const support = actionData && "support" in actionData ? actionData.support : null;
  const supportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!support) return;
    supportRef.current?.scrollIntoView({ block: "start" });
    supportRef.current?.focus({ preventScroll: true });
  }, [support]);

  const currentUrl = `${location.pathname}${location.search}`;
  const signInHref = `/signin?next=${encodeURIComponent(currentUrl)}`;
  // The page's own links (here, the step navigation, the step list) are plain <a>s kept inside the
  // app by a listener on their container: a <Link> each cost 20–35 µs of server time (decision 030).
  const headLinks = useInAppLinks<HTMLElement>();

  return (
    <main id="main" className="page lesson-page">
      <header className="lesson-head" ref={headLinks}>
        <p className="small muted lesson-kicker">
          <a href="/learn" data-discover="true">
            {data.signedIn ? t("learn.home.titleSignedIn") : t("learn.home.titleVisitor")}
          </a>
          <span aria-hidden="true"> › </span>
          {t("learn.lessonN", { n: lesson.number })} · {t("learn.minutes", { n: lesson.minutes })}
        </p>
        <h1>{lesson.title}</h1>
        <LessonProgress here={here} stepCount={content.steps.length} hasQuiz={lesson.hasQuiz} />
        {!data.signedIn ? (
          <p className="visitor-note small">
            {t("learn.visitor.note")} <a href={signInHref} data-discover="true">
              {t("learn.visitor.signIn")}
            </a>
          </p>
        ) : data.resumed ? (
          <p className="small resumed-note" role="status">
            {t("learn.resumed")}
          </p>
        ) : null}
      </header>
      <div className="lesson-layout">
        <div className="lesson-main">
          {/* a literal: *.server modules are empty in the browser bundle */}
          {support ? (
            <div ref={supportRef} tabIndex={-1} className="support-anchor">
              <SupportCard card={support} inLesson />
            </div>
          ) : null}
          {actionData && "kind" in actionData && actionData.kind === "save-failed" ? (
            <p className="alert error" role="alert">
              {t("learn.saveFailed")}
            </p>
          ) : null}
          {step ? (
            <StepContent
              key={step.id}
              step={step}
              text={content.steps[step.index]!}
              lesson={lesson}
              titleRef={titleRef}
              actionData={actionData}
              signedIn={data.signedIn}
              orderSeed={data.orderSeed}
              busy={busy}
            />
          ) : null}
          {data.quiz ? (
            <section aria-labelledby="quiz-title">
              <h2 id="quiz-title" ref={titleRef} tabIndex={-1} className="view-title">
                {t("learn.quiz.title")}
              </h2>
              {actionData && "kind" in actionData && actionData.kind === "quiz" ? (
                <div id="quiz-results">
                  <QuizResults
                    results={actionData.results}
                    attemptsLeft={actionData.attemptsLeft}
                    retryHref={quizPath(lesson.slug, { retry: true })}
                    finishHref={finishPath(lesson.slug)}
                    signedIn={data.signedIn}
                    justSent
                  />
                </div>
              ) : data.quiz.mode === "results" && data.quiz.results ? (
                <div id="quiz-results">
                  <QuizResults
                    results={data.quiz.results}
                    attemptsLeft={data.quiz.attemptsLeft}
                    retryHref={quizPath(lesson.slug, { retry: true })}
                    finishHref={finishPath(lesson.slug)}
                    signedIn={data.signedIn}
                    justSent={location.hash === "#quiz-results"}
                  />
                </div>
              ) : (
                <QuizForm
                  questions={data.quiz.questions}
                  orderSeed={data.orderSeed}
                  action={quizPath(lesson.slug)}
                  attempt={data.quiz.nextAttempt}
                  attemptsLeft={data.signedIn ? data.quiz.attemptsLeft : DEFAULT_MAX_ATTEMPTS - data.quiz.nextAttempt + 1}
                  errors={actionData && "kind" in actionData && actionData.kind === "quiz-errors" ? actionData.errors : undefined}
                  given={actionData && "kind" in actionData && (actionData.kind === "quiz-errors" || actionData.kind === "save-failed") && "given" in actionData ? (actionData.given as Record<string, GivenAnswer>) : undefined}
                  busy={busy}
                />
              )}
            </section>
          ) : null}
          {data.finish ? <FinishScreen lesson={lesson} finish={data.finish} signedIn={data.signedIn} /> : null}
        </div>
        <aside className="lesson-aside">
          <StepList slug={lesson.slug} steps={stepLinks(content.steps, data.stepsDone)} here={here} hasQuiz={lesson.hasQuiz} quizDone={data.quizDone} />
        </aside>
      </div>
    </main>
  );
}

/** The answer to a widget tried without JavaScript (past its budget: the budget's own words, 429). */
function answerWidgetTry(widgetTry: WidgetTry, status = 200) {
  return data({ kind: "widgetTry" as const, widgetTry }, { status });
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** A widget tried without JavaScript, for its fallback to show (WidgetTry). */
function widgetTryOf(actionData: ActionData): { widgetTry?: WidgetTry } {
  return actionData && "kind" in actionData && actionData.kind === "widgetTry" ? { widgetTry: actionData.widgetTry } : {};
}

function StepContent({
  step,
  text,
  lesson,
  titleRef,
  actionData,
  signedIn,
  orderSeed,
  busy,
}: {
  step: StepView;
  text: StepText;
  lesson: LessonContent["head"];
  titleRef: React.RefObject<HTMLHeadingElement>;
  actionData: ActionData;
  signedIn: boolean;
  orderSeed: string | null;
  busy: boolean;
}) {
  const t = useT();
  const stepUrl = stepPath(lesson.slug, step.id);
  const renderCheck = (id: string) => {
    const stored = step.checks[id];
    if (!stored) return null;
    const mine = actionData && "questionId" in actionData && actionData.questionId === id ? actionData : null;
    const view = mine && "view" in mine ? mine.view : stored;
    return (
      <CheckQuestion
        key={id}
        view={view}
        action={stepUrl}
        stepId={step.id}
        orderSeed={mine && "orderSeed" in mine ? mine.orderSeed : orderSeed}
        errors={mine && "errors" in mine ? mine.errors : undefined}
        given={mine && "given" in mine ? mine.given : undefined}
        busy={busy}
      />
    );
  };
  const navLinks = useInAppLinks<HTMLElement>();
  const nextLabel =
    step.nextKind === "step" ? t("learn.nav.next") : step.nextKind === "quiz" ? t("learn.nav.toQuiz") : t("learn.nav.toFinish");
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" ref={titleRef} tabIndex={-1} className="view-title">
        {text.title}
      </h2>
      {step.index === 0 ? (
        <div className="lesson-intro card">
          <p>{lesson.summary}</p>
          <p className="small">
            <strong>{t("learn.objectives")}</strong>
          </p>
          <ul className="objectives">
            {lesson.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="step-body">
        <StepBlocks
          blocks={text.blocks}
          ctx={{ lessonSlug: lesson.slug, renderCheck, widgetData: { ...text.widgetData, ...step.widgetData, ...widgetTryOf(actionData) }, realModel: step.realModel }}
        />
      </div>
      <nav className="step-nav" aria-label={t("learn.nav.label")} ref={navLinks}>
        {step.prevHref ? (
          <a className="button secondary" href={step.prevHref} rel="prev" data-discover="true">
            <span aria-hidden="true">←</span> {t("learn.nav.previous")}
          </a>
        ) : (
          <span />
        )}
        {signedIn ? (
          <Form
            method="post"
            action={stepUrl}
            onSubmit={(event) => {
              const field = event.currentTarget.elements.namedItem("seconds");
              if (field instanceof HTMLInputElement) field.value = String(takePendingSeconds());
            }}
          >
            <input type="hidden" name="intent" value="next" />
            <input type="hidden" name="step" value={step.id} />
            <input type="hidden" name="seconds" value="0" />
            <Button type="submit" className="primary" inactive={busy}>
              {nextLabel} <span aria-hidden="true">→</span>
            </Button>
          </Form>
        ) : (
          <a className="button" href={step.nextHref} rel="next" data-discover="true">
            {nextLabel} <span aria-hidden="true">→</span>
          </a>
        )}
      </nav>
      <SourceList sources={lesson.sources} />
    </article>
  );
}

/**
 * After a check is sent: its marked answer, focused (read out) once it is on the page; or, when
 * it came back with something missing, the first answer of the part that is missing (its group
 * names the error).
 */
function focusCheck(checkId: string, refused: boolean) {
  const check = document.getElementById(checkId);
  const target = refused
    ? check?.querySelector<HTMLElement>("fieldset[aria-invalid=true] input, input[aria-invalid=true]")
    : check?.querySelector<HTMLElement>("[data-check-result]");
  target?.focus({ preventScroll: true });
}
