/**
 * The learning activity log, shaped like xAPI statements: actor · verb · object · result · time.
 * Append-only; the source for a student's timeline, "last seen" and exports.
 *
 * Verbs written by the lesson engine (object type → object id):
 * - `started`        lesson → lesson slug        the first saved step or active time in a lesson
 * - `completed-step` step   → "<slug>#<stepId>"  a step marked done the first time (the end quiz
 *                                                is the step "_quiz"; result: its first score)
 *                                                and always { activeSeconds }: the lesson's active
 *                                                seconds at that moment (active time per step)
 * - `answered`       question → question id      every stored answer; result: { lesson, kind,
 *                                                attempt, correct, notSure, confidence }
 * - `completed`      lesson → lesson slug        every step and the quiz done; result: { activeSeconds }
 * The progress and quiz models write each of these exactly once per event, in the same statement
 * as the idempotent write they record (its RETURNING says what changed), so a retry never logs
 * twice and nothing is saved without its row.
 */
type ActivityVerb = "started" | "completed-step" | "answered" | "completed";
/** A finished step (the end quiz is the pseudo-step QUIZ_STEP); its object id is stepObjectId's. */
export const STEP_DONE_VERB = "completed-step" satisfies ActivityVerb;

export function stepObjectId(lessonSlug: string, stepId: string): string {
  return `${lessonSlug}#${stepId}`;
}
