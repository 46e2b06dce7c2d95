/**
 * What the guide pages show, shaped per locale: a lesson's guide with its answer key (built here
 * from the compiled quiz, never written by hand), its handout, the teaching plan and the mapping.
 */
import { lessonBasics } from "~/course/lesson-basics";
import { getCourse, getLesson } from "~/course/course.server";
import type { Lesson, Question } from "~/course/types";
import type { Locale } from "~/i18n/locales";
import { getGuides, getLessonGuide } from "./guides.server";
import { HANDOUT_SECTIONS, type Frameworks, type GuideSection } from "./types";

export interface AnswerKeyItem {
  id: string;
  prompt: string;
  /** The correct choices' text; for a text question, the accepted answers. */
  answers: string[];
  kind: "choice" | "text";
  explanation: string;
  misconception: boolean;
}

export interface GuideLessonHead {
  slug: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  gradeBand: string;
}

function head(lesson: Lesson, locale: Locale): GuideLessonHead {
  return { ...lessonBasics(lesson, locale), gradeBand: lesson.gradeBand };
}

export function answerKey(questions: readonly Question[], locale: Locale): AnswerKeyItem[] {
  return questions.map((q) => {
    const content = q.content[locale];
    const answers =
      q.type === "text" ? content.accepted : content.choices.filter((c) => q.answer.includes(c.id)).map((c) => c.text);
    return {
      id: q.id,
      prompt: content.prompt,
      answers,
      kind: q.type === "text" ? "text" : "choice",
      explanation: content.explanation,
      misconception: q.misconception,
    };
  });
}

/** The teacher's guide of one lesson, or null when there is no such lesson. */
export function lessonGuideView(slug: string, locale: Locale) {
  const lesson = getLesson(slug);
  const guide = getLessonGuide(slug);
  if (!lesson || !guide) return null;
  const sections = guide.content[locale].sections;
  return {
    lesson: head(lesson, locale),
    objectives: lesson.content[locale].objectives,
    periodMinutes: guide.periodMinutes,
    frameworks: guide.frameworks,
    teacherSections: sections.filter((s) => !HANDOUT_SECTIONS.includes(s.id)),
    checks: answerKey(lesson.checks, locale),
    quiz: answerKey(lesson.quiz, locale),
  };
}

/** The student handout of one lesson: summary, key diagram and worksheet. */
export function handoutView(slug: string, locale: Locale) {
  const lesson = getLesson(slug);
  const guide = getLessonGuide(slug);
  if (!lesson || !guide) return null;
  const section = (id: GuideSection["id"]) => guide.content[locale].sections.find((s) => s.id === id);
  const summary = section("summary");
  const diagram = section("diagram");
  const worksheet = section("worksheet");
  if (!summary || !diagram || !worksheet) return null;
  const list = diagram.blocks[0];
  const labels = list?.t === "ol" ? list.items : [];
  return { lesson: head(lesson, locale), summary, diagram: labels, worksheet };
}

export interface MappingRow extends GuideLessonHead {
  frameworks: Frameworks;
}

/** Every lesson in course order with its frameworks: the mapping page and the guides index. */
export function mappingRows(locale: Locale): MappingRow[] {
  const guides = getGuides();
  return getCourse().lessons.flatMap((lesson) => {
    const guide = guides.lessons.find((g) => g.slug === lesson.slug);
    return guide ? [{ ...head(lesson, locale), frameworks: guide.frameworks }] : [];
  });
}

export function teachingPlanView(locale: Locale) {
  return getGuides().plan.content[locale];
}
