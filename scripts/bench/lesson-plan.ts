/**
 * What a simulated student needs to know to take the compiled course as the browser does: each
 * lesson's steps, the inline checks on each step with right answers in the form's field names,
 * the widget requests a step's page sends as it appears, and the quiz's answers.
 */
import fs from "node:fs";
import path from "node:path";
import { fieldName } from "../../app/course/answer-fields";
import { SENTENCE_PAIRS } from "../../app/components/widgets/samples";
import { en } from "../../app/i18n/catalog/en";
import { ROOT } from "../harness/lantern-server";

interface CompiledQuestion {
  id: string;
  type: "single" | "multiple" | "text";
  answer: string[];
  content: { en: { accepted: string[] } };
}

interface CompiledBlock {
  t: string;
  id?: string;
  name?: string;
  props?: Record<string, unknown>;
  [key: string]: unknown;
}

interface CompiledLesson {
  slug: string;
  content: { en: { steps: { id: string; blocks: CompiledBlock[] }[] } };
  checks: CompiledQuestion[];
  quiz: CompiledQuestion[];
}

/** A request a widget sends by itself when its step appears (before the student touches it). */
export type WidgetCall = { method: "POST"; path: string; json: unknown } | { method: "GET"; path: string };

export interface PlannedStep {
  id: string;
  /** Each inline check's form as the check's "Check" button posts it (first attempt, right answer). */
  checks: [string, string][][];
  widgetCalls: WidgetCall[];
}

export interface PlannedLesson {
  slug: string;
  steps: PlannedStep[];
  /** The quiz form's answer fields (every question right, "fairly sure"), or null without a quiz. */
  quizAnswers: [string, string][] | null;
}

/** Right answer fields of one question, in the order the form lists them. */
export function answerFields(q: CompiledQuestion): [string, string][] {
  const fields: [string, string][] =
    q.type === "text"
      ? [[fieldName(q.id, "text"), q.content.en.accepted[0] ?? "tokens"]]
      : (q.type === "single" ? q.answer.slice(0, 1) : q.answer).map((c): [string, string] => [fieldName(q.id, "choice"), c]);
  return [...fields, [fieldName(q.id, "confidence"), "fairly_sure"]];
}

/** Every block of a step, nested ones included (checks and widgets sit inside callouts too). */
function* blocksOf(blocks: unknown): Generator<CompiledBlock> {
  if (!Array.isArray(blocks)) return;
  for (const block of blocks as CompiledBlock[]) {
    if (!block || typeof block !== "object") continue;
    yield block;
    for (const value of Object.values(block)) if (Array.isArray(value)) yield* blocksOf(value);
  }
}

/**
 * The widget requests a step sends on arrival (components/widgets): the next-token widget peeks
 * at its prompt, the tokenizer tokenizes its first sentence, the preference lab reads the class's
 * choices. Left out: the context-window widget's first tokenization of its long generated text.
 */
function widgetCallsOf(lessonSlug: string, block: CompiledBlock): WidgetCall[] {
  switch (block.name) {
    case "next-token": {
      const prompt = typeof block.props?.prompt === "string" ? block.props.prompt : en["widget.nextToken.defaultPrompt"];
      return [{ method: "POST", path: "/api/next-token", json: { context: prompt, temperature: 1, mode: "peek", count: 0, locale: "en" } }];
    }
    case "tokenizer":
      return [{ method: "POST", path: "/api/tokenize", json: { text: SENTENCE_PAIRS[0]!.en } }];
    case "preference-lab":
      return [{ method: "GET", path: `/api/preferences?lesson=${encodeURIComponent(lessonSlug)}` }];
    default:
      return [];
  }
}

export function planCourse(lessons: CompiledLesson[]): PlannedLesson[] {
  return lessons.map((lesson) => {
    const checks = new Map(lesson.checks.map((q) => [q.id, q]));
    return {
      slug: lesson.slug,
      steps: lesson.content.en.steps.map((step) => {
        const blocks = [...blocksOf(step.blocks)];
        return {
          id: step.id,
          checks: blocks
            .filter((b) => b.t === "check" && b.id && checks.has(b.id))
            .map((b) => [["intent", "check"], ["step", step.id], ["question", b.id!], ["attempt", "1"], ...answerFields(checks.get(b.id!)!)]),
          widgetCalls: blocks.filter((b) => b.t === "widget").flatMap((b) => widgetCallsOf(lesson.slug, b)),
        };
      }),
      quizAnswers: lesson.quiz.length > 0 ? lesson.quiz.flatMap(answerFields) : null,
    };
  });
}

/** The course as built (build/course.json), planned. */
export function plannedCourse(): PlannedLesson[] {
  const course = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as { lessons: CompiledLesson[] };
  return planCourse(course.lessons);
}
