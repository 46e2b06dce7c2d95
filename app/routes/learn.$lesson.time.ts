/**
 * POST /learn/:lesson/time — a small increment of active time on task, sent by the lesson page's
 * script (components/lesson/active-time.ts) with the learner's current position. Answers 204.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { getLesson } from "~/course/course.server";
import { lessonIndex } from "~/course/course-index";
import { QUIZ_STEP } from "~/course/lesson-paths";
import { parseActiveTime } from "~/forms/lesson.server";
import { recordActiveTime } from "~/models/progress.server";
import { requireUser } from "~/utils/auth.server";
import { formObject, readForm } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { stored } from "~/utils/learner-write.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const lesson = params.lesson ? getLesson(params.lesson) : undefined;
  if (!lesson) notFound();
  const parsed = parseActiveTime(formObject(await readForm(request)));
  if (!parsed) badRequest();
  const { seconds, step } = parsed;
  const known = step === QUIZ_STEP ? lesson.quiz.length > 0 : lessonIndex(lesson).stepIndex.has(step);
  if (!known) badRequest();
  const saved = await stored("active time", () => recordActiveTime(user, { lessonSlug: lesson.slug, currentStep: step, activeSeconds: seconds }));
  // The page's script sends these in the background; a refused one is simply not counted.
  return new Response(null, { status: saved ? 204 : 503 });
}

export function loader() {
  // Only POST is meaningful here.
  notFound();
}
