/**
 * A student's activity timeline in the teacher's language, from the verbs the lesson engine
 * writes (app/models/activity.server.ts).
 */
import { getLesson } from "~/course/course.server";
import { lessonIndex } from "~/course/course-index";
import { QUIZ_STEP } from "~/course/lesson-paths";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { STEP_DONE_VERB } from "~/models/activity.server";
import type { questionIndex } from "./answer-views.server";

/** Most recent activity events in the timeline. */
export const TIMELINE_LIMIT = 150;

export interface TimelineEntry {
  at: string;
  atLabel: string;
  text: string;
  kind: "lesson" | "step" | "answer-right" | "answer-wrong" | "chat" | "other";
}

/** One activity-log row as the student report's statement returns it. */
export interface ActivityEvent {
  verb: string;
  objectType: string;
  objectId: string;
  result: Record<string, unknown> | null;
  at: string;
}

/** At most `max` characters of a prompt, on one line. */
function shorten(text: string, max = 70): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * A timeline line in the teacher's language, from the verbs the lesson engine writes
 * (activity.server.ts): started, completed-step ("<slug>#<step>"), answered (question id, with
 * the lesson in result), completed. A verb the dashboard does not know still reads sensibly.
 */
export function describe(
  event: ActivityEvent,
  index: ReturnType<typeof questionIndex>,
  locale: Locale,
  t: Translate,
): Pick<TimelineEntry, "text" | "kind"> {
  const titleOf = (slug: string) => getLesson(slug)?.content[locale].title ?? slug;
  switch (event.verb) {
    case "started":
      return { kind: "lesson", text: t("teach.dash.tl.started", { lesson: titleOf(event.objectId) }) };
    case STEP_DONE_VERB: {
      const [slug = "", stepId = ""] = event.objectId.split("#");
      const lesson = getLesson(slug);
      if (stepId === QUIZ_STEP) return { kind: "step", text: t("teach.dash.tl.quiz", { lesson: titleOf(slug) }) };
      const step = (lesson && lessonIndex(lesson).byLocale[locale].stepById.get(stepId)?.step.title) ?? stepId;
      return { kind: "step", text: t("teach.dash.tl.step", { lesson: titleOf(slug), step }) };
    }
    case "completed":
      return { kind: "lesson", text: t("teach.dash.tl.completed", { lesson: titleOf(event.objectId) }) };
    case "answered": {
      const slug = typeof event.result?.["lesson"] === "string" ? event.result["lesson"] : "";
      const prompt = index.get(`${slug}/${event.objectId}`)?.question.content[locale].prompt ?? event.objectId;
      const params = { lesson: titleOf(slug), question: shorten(prompt) };
      if (event.result?.["correct"] === true) return { kind: "answer-right", text: t("teach.dash.tl.answeredRight", params) };
      if (event.result?.["notSure"] === true) return { kind: "answer-wrong", text: t("teach.dash.tl.answeredNotSure", params) };
      return { kind: "answer-wrong", text: t("teach.dash.tl.answeredWrong", params) };
    }
    default:
      return { kind: "other", text: `${event.verb} · ${event.objectType} · ${event.objectId}` };
  }
}
