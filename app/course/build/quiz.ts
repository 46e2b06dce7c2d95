/**
 * quiz.yaml → `Question`s: the inline `checks` placed in steps with ::check, and the
 * end-of-lesson `questions`. zod checks the shape; the rules that relate fields to each other
 * (answers among the choices, accepted answers for text questions) are checked after it, each
 * reported on the line it is about.
 */
import { z } from "zod";
import type { AuthoredLocale, Question, QuestionLocaleContent, QuestionType } from "../types";
import type { ContentIssues } from "./errors";
import { hantQuestionContent } from "./derive-hant";
import { idSchema } from "./front-matter";
import { locate, validateYaml, type YamlFile } from "./yaml-file";

const text = z.string().trim().min(1, { error: "must not be empty" });
const localizedText = z.strictObject({ en: text, "zh-Hans": text });
const choiceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: "a choice id uses only letters, digits, - and _" }),
  en: text,
  "zh-Hans": text,
  // Choices are shuffled per learner; an author pins one that only makes sense in its place.
  pin: z.enum(["first", "last"], { error: "pin must be first or last" }).optional(),
});
const questionSchema = z.strictObject({
  id: idSchema,
  type: z.enum(["single", "multiple", "text"], { error: "type must be single, multiple or text" }),
  misconception: z.boolean().default(false),
  prompt: localizedText,
  choices: z.array(choiceSchema).optional(),
  answer: z.union([z.string(), z.array(z.string())], { error: "answer must be a choice id or a list of ids" }).optional(),
  // Partial so that a missing locale gets its own message below rather than zod's generic one.
  accepted: z.strictObject({ en: z.array(z.string()).optional(), "zh-Hans": z.array(z.string()).optional() }).optional(),
  explanation: localizedText.optional(),
  // The lesson objectives (1-based, as listed in the front matter) that a right answer shows.
  objectives: z.array(z.number().int().min(1, { error: "objectives are numbered from 1" }), { error: "objectives must be a list of objective numbers, e.g. [1, 2]" }).optional(),
});
type QuestionInput = z.output<typeof questionSchema>;

// Questions are validated one by one (below), so one malformed question does not hide the
// problems of the others.
const quizFileSchema = z.strictObject({
  checks: z.array(z.unknown(), { error: "checks must be a list of questions" }).default([]),
  questions: z.array(z.unknown(), { error: "questions must be a list of questions" }).default([]),
});

/** Where a question id is written, so course-wide duplicates can point at both places. */
export interface QuestionIdSite {
  id: string;
  file: string;
  line: number;
}

export interface CompiledQuiz {
  checks: Question[];
  questions: Question[];
  ids: QuestionIdSite[];
}

// Every question already offers "I'm not sure": authors should not add it as a choice.
const NOT_SURE_CHOICE = /not sure|don'?t know|不确定|不知道/i;

/** Validates and compiles a parsed quiz.yaml. Returns null if anything in it is invalid. */
export function compileQuiz(yaml: YamlFile, issues: ContentIssues): CompiledQuiz | null {
  const data = validateYaml(yaml, quizFileSchema, issues);
  if (data === null) return null;
  const before = issues.errorCount;
  const ids: QuestionIdSite[] = [];
  const compileList = (list: "checks" | "questions"): Question[] =>
    data[list].flatMap((_, index) => {
      const input = validateYaml(yaml, questionSchema, issues, { at: [list, index] });
      if (input === null) return [];
      ids.push({ id: input.id, file: yaml.file, line: locate(yaml, [list, index, "id"]).line });
      return [compileQuestion(input, yaml, [list, index], issues)];
    });
  const checks = compileList("checks");
  const questions = compileList("questions");
  checkAnswerPositions(yaml, [...checks, ...questions], issues);
  if (issues.errorCount > before) return null;
  return { checks, questions, ids };
}

function compileQuestion(
  input: QuestionInput,
  yaml: YamlFile,
  path: readonly (string | number)[],
  issues: ContentIssues,
): Question {
  const at = (...rest: (string | number)[]) => locate(yaml, [...path, ...rest]).line;
  const fail = (line: number, message: string) => issues.error(yaml.file, line, `question "${input.id}": ${message}`);
  const choices = input.choices ?? [];
  const answer = input.answer === undefined ? [] : Array.isArray(input.answer) ? input.answer : [input.answer];

  if (input.type === "text") {
    if (choices.length > 0) fail(at("choices"), "a text question has no choices");
    if (input.answer !== undefined) fail(at("answer"), "a text question lists its answers under accepted, not answer");
    for (const locale of ["en", "zh-Hans"] as const) {
      const list = input.accepted?.[locale]?.filter((a) => a.trim() !== "") ?? [];
      if (list.length === 0) fail(at("accepted"), `a text question needs accepted answers in ${locale}`);
    }
  } else {
    if (input.accepted !== undefined) fail(at("accepted"), "only text questions take accepted answers");
    if (choices.length < 2) fail(at("choices"), `a ${input.type} question needs at least two choices`);
    const choiceIds = choices.map((c) => c.id);
    choiceIds.forEach((id, i) => {
      if (choiceIds.indexOf(id) !== i) fail(at("choices", i, "id"), `duplicate choice id "${id}"`);
    });
    choices.forEach((choice, i) => {
      if (NOT_SURE_CHOICE.test(choice.en) || NOT_SURE_CHOICE.test(choice["zh-Hans"])) {
        issues.warn(yaml.file, at("choices", i), `question "${input.id}": "I'm not sure" is offered automatically; do not add it as a choice`);
      }
    });
    if (input.answer === undefined) fail(at(), "missing field \"answer\"");
    else if (answer.length === 0) fail(at("answer"), "answer must name at least one choice");
    else if (input.type === "single" && answer.length > 1) fail(at("answer"), "a single question has exactly one answer");
    for (const id of answer) {
      if (!choiceIds.includes(id)) fail(at("answer"), `answer "${id}" is not among the choices (${choiceIds.join(", ")})`);
    }
    if (new Set(answer).size !== answer.length) fail(at("answer"), "answer lists a choice twice");
  }

  const localeContent = (locale: AuthoredLocale): QuestionLocaleContent => ({
    prompt: input.prompt[locale],
    choices: input.type === "text" ? [] : choices.map((c) => (c.pin ? { id: c.id, text: c[locale], pin: c.pin } : { id: c.id, text: c[locale] })),
    accepted: input.type === "text" ? dedupe(input.accepted?.[locale] ?? []) : [],
    explanation: input.explanation?.[locale] ?? "",
  });
  const hans = localeContent("zh-Hans");
  return {
    id: input.id,
    type: input.type satisfies QuestionType,
    answer: input.type === "text" ? [] : answer,
    misconception: input.misconception,
    objectives: [...new Set(input.objectives ?? [])],
    content: { en: localeContent("en"), "zh-Hans": hans, "zh-Hant": hantQuestionContent(hans) },
  };
}

/** Above this share of a file's single-answer questions, one source position is a giveaway. */
export const MAX_SAME_ANSWER_POSITION = 0.4;

/**
 * Learners see shuffled choices, but printed quizzes, screen readers in a no-shuffle export and
 * authors' own habits follow the source order: when most right answers sit in one position
 * ("always a"), reorder the choices in the file (keep their ids: stored answers use them).
 */
function checkAnswerPositions(yaml: YamlFile, list: readonly Question[], issues: ContentIssues): void {
  const singles = list.filter((q) => q.type === "single" && q.answer.length === 1);
  if (singles.length < 3) return;
  const byPosition = new Map<number, string[]>();
  for (const q of singles) {
    const position = q.content.en.choices.findIndex((c) => c.id === q.answer[0]);
    byPosition.set(position, [...(byPosition.get(position) ?? []), q.id]);
  }
  for (const [position, ids] of byPosition) {
    if (ids.length / singles.length > MAX_SAME_ANSWER_POSITION) {
      issues.error(
        yaml.file,
        1,
        `${ids.length} of ${singles.length} single-answer questions have the right answer in position ${position + 1} ` +
          `(at most ${Math.round(MAX_SAME_ANSWER_POSITION * 100)}%): reorder the choices of some of ${ids.join(", ")}`,
      );
    }
  }
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ""))];
}
