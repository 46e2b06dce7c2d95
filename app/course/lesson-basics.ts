import type { Lesson, Locale } from "./types";

/** What names a lesson wherever it is listed (the lesson page, the teacher's guide), in one language. */
export function lessonBasics(lesson: Lesson, locale: Locale) {
  const content = lesson.content[locale];
  return { slug: lesson.slug, number: lesson.number, title: content.title, summary: content.summary, minutes: lesson.minutes };
}
