/**
 * Where the learner is in a lesson: a progress bar with a text label (never colour alone) and the
 * list of steps (plain links, so it works without JavaScript), the quiz and the finish screen.
 */
import { useInAppLinks } from "~/components/ui/in-app-links";
import { quizPath, stepPath } from "~/course/lesson-paths";
import { useT } from "~/i18n/use-t";
import type { StepLink } from "../../course/lesson-view-types";

export type Here = { kind: "step"; index: number } | { kind: "quiz" } | { kind: "finish" };

export function LessonProgress({ here, stepCount, hasQuiz }: { here: Here; stepCount: number; hasQuiz: boolean }) {
  const t = useT();
  const total = stepCount + (hasQuiz ? 1 : 0);
  const position = here.kind === "step" ? here.index + 1 : here.kind === "quiz" ? stepCount + 1 : total;
  const label =
    here.kind === "step"
      ? t("learn.progress.step", { n: here.index + 1, total: stepCount })
      : here.kind === "quiz"
        ? t("learn.progress.quiz")
        : t("learn.progress.finish");
  return (
    <div className="lesson-progress">
      <label htmlFor="lesson-progress-bar" className="small">
        {label}
      </label>
      <progress id="lesson-progress-bar" max={total} value={Math.min(position, total)}>
        {label}
      </progress>
    </div>
  );
}

export function StepList({
  slug,
  steps,
  here,
  hasQuiz,
  quizDone,
}: {
  slug: string;
  steps: StepLink[];
  here: Here;
  hasQuiz: boolean;
  quizDone: boolean;
}) {
  const t = useT();
  // plain links kept inside the app by one listener: a <Link> each cost more server time than the
  // rest of the list (decision 030)
  const links = useInAppLinks<HTMLElement>();
  const doneLabel = t("learn.steps.done");
  return (
    <nav className="step-list" aria-labelledby="step-list-title" ref={links}>
      <h2 id="step-list-title" className="step-list-title">
        {t("learn.steps.title")}
      </h2>
      <ol role="list">
        {steps.map((step, i) => {
          const current = here.kind === "step" && here.index === i;
          return (
            <li key={step.id} className={current ? "current" : step.done ? "done" : undefined}>
              <a href={stepPath(slug, step.id)} data-discover="true" aria-current={current ? "step" : undefined}>
                <StepMark done={step.done} n={i + 1} doneLabel={doneLabel} />
                <span>{step.title}</span>
              </a>
            </li>
          );
        })}
        {hasQuiz ? (
          <li className={here.kind === "quiz" ? "current" : quizDone ? "done" : undefined}>
            <a href={quizPath(slug)} data-discover="true" aria-current={here.kind === "quiz" ? "step" : undefined}>
              <StepMark done={quizDone} n={steps.length + 1} doneLabel={doneLabel} />
              <span>{t("learn.steps.quiz")}</span>
            </a>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

function StepMark({ done, n, doneLabel }: { done: boolean; n: number; doneLabel: string }) {
  return (
    <span className={`step-mark${done ? " is-done" : ""}`}>
      <span aria-hidden="true">{done ? "✓" : n}</span>
      {done ? <span className="visually-hidden">{doneLabel}</span> : null}
    </span>
  );
}
