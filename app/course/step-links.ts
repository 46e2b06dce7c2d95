import type { StepLink } from "./lesson-view-types";

/** The step list's links, each ticked once the learner has done it (the lesson page, the finish screen). */
export function stepLinks(steps: readonly { id: string; title: string }[], stepsDone: readonly string[]): StepLink[] {
  const done = new Set(stepsDone);
  return steps.map((s) => ({ id: s.id, title: s.title, done: done.has(s.id) }));
}
