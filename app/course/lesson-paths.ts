/**
 * URLs of the lesson player and the quiz's pseudo-step id. Pure, shared by routes, server views
 * and components (so the browser never needs a server module for them).
 */

/** The end quiz's place in lesson_progress.steps_done / current_step (content step ids never start with "_"). */
export const QUIZ_STEP = "_quiz";

export function lessonPath(slug: string): string {
  return `/learn/${slug}`;
}

export function stepPath(slug: string, stepId: string): string {
  return `/learn/${slug}?step=${encodeURIComponent(stepId)}`;
}

export function quizPath(slug: string, options: { retry?: boolean } = {}): string {
  return `/learn/${slug}?view=quiz${options.retry ? "&retry=1" : ""}`;
}

export function finishPath(slug: string): string {
  return `/learn/${slug}?view=done`;
}
