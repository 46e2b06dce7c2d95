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
 * The progress and quiz models write each of these exactly once per event (after an idempotent
 * write that reports whether it changed anything), so a retry never logs twice.
 */
import { activityLog } from "../../db/schema";
import { db } from "~/utils/db.server";

export type ActivityVerb = "started" | "completed-step" | "answered" | "completed";
/** A finished step (the end quiz is the pseudo-step QUIZ_STEP); its object id is stepObjectId's. */
export const STEP_DONE_VERB = "completed-step" satisfies ActivityVerb;
export type ActivityObjectType = "lesson" | "step" | "question";

export interface ActivityObject {
  type: ActivityObjectType;
  id: string;
}

export interface ActivityStatement {
  actor: { id: string };
  verb: ActivityVerb;
  object: ActivityObject;
  result?: Record<string, unknown> | null;
}

/** Several statements in one insert (a quiz attempt answers many questions at once). */
export async function logActivities(statements: readonly ActivityStatement[]): Promise<void> {
  if (statements.length === 0) return;
  await db()
    .insert(activityLog)
    .values(
      statements.map((s) => ({
        actorId: s.actor.id,
        verb: s.verb,
        objectType: s.object.type,
        objectId: s.object.id,
        result: s.result ?? null,
      })),
    );
}

export function stepObjectId(lessonSlug: string, stepId: string): string {
  return `${lessonSlug}#${stepId}`;
}
