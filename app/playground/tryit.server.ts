/**
 * A lesson's "try it" prompts, found by "lessonSlug:tryitId" in the compiled course: the page
 * prefills and grades them, and the pipeline lets a try-it fix the system prompt.
 */
import type { Locale } from "~/i18n/locales";
import { lessonIndex } from "~/course/course-index";
import { getLesson } from "~/course/course.server";
import type { RecordedReply, TryItCheck } from "~/course/types";

export interface TryIt {
  ref: string;
  lessonSlug: string;
  lessonTitle: string;
  id: string;
  prompt: string;
  system: string | null;
  check: TryItCheck;
  miniCheck: TryItCheck | null;
  recorded: RecordedReply | null;
}

/** A lesson's "try it" block by "lessonSlug:tryitId", in the reader's language, or null. */
export function findTryIt(ref: string, locale: Locale): TryIt | null {
  const [lessonSlug = "", id = ""] = ref.split(":");
  if (!lessonSlug || !id) return null;
  const lesson = getLesson(lessonSlug);
  const block = lesson ? lessonIndex(lesson).byLocale[locale].tryItById.get(id) : undefined;
  if (!lesson || !block) return null;
  return {
    ref,
    lessonSlug,
    lessonTitle: lesson.content[locale].title,
    id,
    prompt: block.prompt,
    system: block.system ?? null,
    check: block.check,
    miniCheck: block.miniCheck ?? null,
    recorded: block.recorded ?? null,
  };
}
