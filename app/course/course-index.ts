/**
 * The lookups pages need from the lesson tree, built once per lesson by one walk: a step's
 * position by id, the checks, try-its and widgets each step places, a try-it or a check by id,
 * the step that places each check, and a lesson's questions in the order a learner meets them.
 * course.server.ts builds it for every lesson when it loads the course; a lesson from anywhere
 * else (a test's fixture) is indexed the first time it is asked for. Pure: no I/O.
 *
 * The walk is block-tree.ts's `allBlocks`, so a check, try-it or widget is found wherever the
 * compiler lets it sit (inside a callout, a list, a predict or a discuss).
 */
import { allBlocks } from "./block-tree";
import { QUIZ_STEP } from "./lesson-paths";
import { LOCALES, type Block, type Course, type Lesson, type Locale, type Question, type Step } from "./types";

export type TryItBlock = Extract<Block, { t: "tryit" }>;
export type WidgetBlock = Extract<Block, { t: "widget" }>;

/** One step in one locale, with what it places, in reading order. */
export interface StepEntry {
  step: Step;
  /** 0-based position in the lesson. */
  index: number;
  checkIds: readonly string[];
  tryIts: readonly TryItBlock[];
  widgets: readonly WidgetBlock[];
}

export interface LocaleIndex {
  steps: readonly StepEntry[];
  stepById: ReadonlyMap<string, StepEntry>;
  tryItById: ReadonlyMap<string, TryItBlock>;
}

export interface LessonQuestion {
  q: Question;
  kind: "check" | "quiz";
}

export interface LessonIndex {
  /** Step ids in lesson order, from the English text (the build gives every locale the same steps). */
  stepIds: readonly string[];
  /** 0-based position of each step id (English). */
  stepIndex: ReadonlyMap<string, number>;
  /** What must be done for the lesson to count as completed: its steps, then the quiz if it has one. */
  requiredSteps: readonly string[];
  byLocale: Readonly<Record<Locale, LocaleIndex>>;
  checkById: ReadonlyMap<string, Question>;
  /** Checks, then the end quiz: the order a learner meets them. */
  questions: readonly LessonQuestion[];
  /** The (English) step that places each check. */
  stepOfCheck: ReadonlyMap<string, string>;
}

function indexLocale(steps: readonly Step[]): LocaleIndex {
  const entries = steps.map((step, index): StepEntry => {
    const checkIds: string[] = [];
    const tryIts: TryItBlock[] = [];
    const widgets: WidgetBlock[] = [];
    for (const block of allBlocks(step.blocks)) {
      if (block.t === "check") checkIds.push(block.id);
      else if (block.t === "tryit") tryIts.push(block);
      else if (block.t === "widget") widgets.push(block);
    }
    return { step, index, checkIds, tryIts, widgets };
  });
  const tryItById = new Map<string, TryItBlock>();
  for (const entry of entries) for (const block of entry.tryIts) if (!tryItById.has(block.id)) tryItById.set(block.id, block);
  return { steps: entries, stepById: new Map(entries.map((entry) => [entry.step.id, entry])), tryItById };
}

function buildLessonIndex(lesson: Lesson): LessonIndex {
  const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, indexLocale(lesson.content[locale].steps)])) as Record<Locale, LocaleIndex>;
  const stepIds = lesson.content.en.steps.map((step) => step.id);
  const stepOfCheck = new Map<string, string>();
  for (const entry of byLocale.en.steps) for (const id of entry.checkIds) if (!stepOfCheck.has(id)) stepOfCheck.set(id, entry.step.id);
  return {
    stepIds,
    stepIndex: new Map(stepIds.map((id, index) => [id, index])),
    requiredSteps: lesson.quiz.length > 0 ? [...stepIds, QUIZ_STEP] : stepIds,
    byLocale,
    checkById: new Map(lesson.checks.map((q) => [q.id, q])),
    questions: [...lesson.checks.map((q) => ({ q, kind: "check" as const })), ...lesson.quiz.map((q) => ({ q, kind: "quiz" as const }))],
    stepOfCheck,
  };
}

const lessonIndexes = new WeakMap<Lesson, LessonIndex>();

/** The index of a lesson: built once, then the same object for as long as the lesson lives. */
export function lessonIndex(lesson: Lesson): LessonIndex {
  let index = lessonIndexes.get(lesson);
  if (!index) lessonIndexes.set(lesson, (index = buildLessonIndex(lesson)));
  return index;
}

export interface CourseQuestion {
  lesson: Lesson;
  question: Question;
  kind: "check" | "quiz";
}

export interface CourseIndex {
  /** Every question id of the course, lesson by lesson, checks then the quiz. */
  questionIds: readonly string[];
  /** Every question by "lessonSlug/questionId", in the same order. */
  questionByRef: ReadonlyMap<string, CourseQuestion>;
}

const courseIndexes = new WeakMap<Course, CourseIndex>();

/** Indexes every lesson of a course (course.server.ts calls it once, on load) and the course's own lookups. */
export function courseIndex(course: Course): CourseIndex {
  let index = courseIndexes.get(course);
  if (!index) {
    const all = course.lessons.flatMap((lesson) => lessonIndex(lesson).questions.map(({ q, kind }) => ({ lesson, question: q, kind })));
    index = {
      questionIds: all.map(({ question }) => question.id),
      questionByRef: new Map(all.map((entry) => [`${entry.lesson.slug}/${entry.question.id}`, entry])),
    };
    courseIndexes.set(course, index);
  }
  return index;
}
