/**
 * One lesson folder (`lessons/NN-slug/`) → a compiled `Lesson`: both authored locales, the
 * derived zh-Hant, quiz.yaml and widget data, plus the checks that relate these files to each
 * other (same steps in both languages, placed checks exist, widgets have their data).
 */
import fs from "node:fs";
import path from "node:path";
import type { Block, Lesson, LessonLocaleContent, Source } from "../types";
import type { ContentIssues } from "./errors";
import { hantLessonContent } from "./derive-hant";
import {
  englishFrontMatterSchema,
  splitFrontMatter,
  TRANSLATED_FIELDS_HINT,
  translatedFrontMatterSchema,
  type EnglishFrontMatter,
  type TranslatedFrontMatter,
} from "./front-matter";
import { markdownToSteps, type StepDraft } from "./markdown-to-blocks";
import { compileQuiz, type CompiledQuiz, type QuestionIdSite } from "./quiz";
import { checkObjectiveVoice, checkStepRules } from "./step-rules";
import { attachRecordedReplies, readRecordedReplies, RECORDED_FILE } from "./recorded";
import { compileWidgetData, WIDGET_DATA_FILES } from "./widget-data";
import { locate, parseYamlFile, validateYaml, type YamlFile } from "./yaml-file";

export interface LessonFolder {
  /** Absolute path of the folder. */
  dir: string;
  /** Folder name, e.g. `02-tokens`. */
  folder: string;
  /** URL slug, e.g. `tokens`. */
  slug: string;
  /** 1-based position in course.yaml. */
  number: number;
}

export interface LessonBuildOptions {
  /** Errors name files relative to this directory (the repository root). */
  root: string;
  /** Steps per lesson outside this range produce a warning. */
  stepRange: readonly [min: number, max: number];
  /** End-of-lesson questions outside this range produce a warning. */
  quizRange: readonly [min: number, max: number];
  /** Step rules (length, something to do, objectives' voice) are errors, not warnings. */
  strictSteps: boolean;
}

export interface CompiledLesson {
  lesson: Lesson;
  questionIds: QuestionIdSite[];
}

export const LESSON_FILES = { en: "lesson.en.md", "zh-Hans": "lesson.zh-Hans.md", quiz: "quiz.yaml" } as const;

interface ParsedLocale<F> {
  file: string;
  meta: F | null;
  /** The front matter's YAML, for pointing at fields. */
  yaml: YamlFile | null;
  steps: StepDraft[];
}

/** Compiles one lesson folder. Returns null when it has any error (all of them are reported). */
export function compileLesson(
  folder: LessonFolder,
  options: LessonBuildOptions,
  issues: ContentIssues,
): CompiledLesson | null {
  const before = issues.errorCount;
  const rel = (name: string) => relativePath(options.root, path.join(folder.dir, name));
  const read = (name: string): string | null => {
    const file = path.join(folder.dir, name);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
    issues.error(rel(name), 1, `file not found: every lesson needs ${Object.values(LESSON_FILES).join(", ")}`);
    return null;
  };

  const quizText = read(LESSON_FILES.quiz);
  const quizYaml = quizText === null ? null : parseYamlFile(quizText, rel(LESSON_FILES.quiz), issues);
  const quiz = quizYaml ? compileQuiz(quizYaml, issues) : null;
  const checkIds = quizYaml ? checkIdsOf(quizYaml.value) : null;

  const enText = read(LESSON_FILES.en);
  const en =
    enText === null
      ? null
      : parseLocale(enText, rel(LESSON_FILES.en), "en", issues, (yaml) =>
          validateYaml(yaml, englishFrontMatterSchema, issues),
        (meta, yaml) => meta?.sources ?? sourcesLeniently(yaml), checkIds);
  if (en?.meta && en.yaml) checkUniqueSources(en.meta.sources, en.yaml, issues);
  const sources = en?.meta?.sources ?? sourcesLeniently(en?.yaml ?? null);

  const hansText = read(LESSON_FILES["zh-Hans"]);
  const hans =
    hansText === null
      ? null
      : parseLocale(hansText, rel(LESSON_FILES["zh-Hans"]), "zh-Hans", issues, (yaml) =>
          validateYaml(yaml, translatedFrontMatterSchema, issues, { unknownFieldHint: TRANSLATED_FIELDS_HINT }),
        () => sources, checkIds);

  if (en) checkStepCount(en, options, issues);
  for (const [parsed, locale] of [[en, "en"], [hans, "zh-Hans"]] as const) {
    if (!parsed) continue;
    const ctx = { file: parsed.file, locale, strict: options.strictSteps, issues };
    checkStepRules(parsed.steps, ctx);
    const { meta, yaml } = parsed;
    if (meta && yaml) checkObjectiveVoice(meta.objectives, (i) => locate(yaml, ["objectives", i]).line, ctx);
  }
  if (en && hans) {
    alignSteps(en, hans, issues);
    compareObjectives(en, hans, issues);
  }
  if (quiz && quizYaml) checkQuizUse(quiz, quizYaml, en, options, issues);
  if (quiz && quizYaml && en?.meta && en.yaml) checkObjectiveMapping(quiz, quizYaml, en.meta.objectives.length, en.yaml, issues);
  const data = compileLessonData(folder, en, options, issues);
  warnAboutStrayFiles(folder, options, issues);

  if (issues.errorCount > before || !en?.meta || !hans?.meta || !quiz || data === null) return null;
  const recorded = attachRecordedReplies(
    { en: en.steps.map((s) => s.step.blocks), "zh-Hans": hans.steps.map((s) => s.step.blocks) },
    readRecordedReplies(folder.dir, rel(RECORDED_FILE), issues),
    { file: rel(RECORDED_FILE) },
    issues,
  );
  if (issues.errorCount > before) return null;
  const withRecorded = (steps: readonly StepDraft[], blocks: Block[][]) => steps.map((s, i) => ({ ...s, step: { ...s.step, blocks: blocks[i]! } }));
  const enSteps = withRecorded(en.steps, recorded.en);
  const hansContent = localeContent(hans.meta, withRecorded(hans.steps, recorded["zh-Hans"]));
  const lesson: Lesson = {
    slug: folder.slug,
    number: folder.number,
    minutes: en.meta.minutes,
    bigIdea: en.meta.bigIdea,
    gradeBand: en.meta.gradeBand,
    sources: en.meta.sources,
    content: {
      en: localeContent(en.meta, enSteps),
      "zh-Hans": hansContent,
      "zh-Hant": hantLessonContent(hansContent),
    },
    checks: quiz.checks,
    quiz: quiz.questions,
    data,
  };
  return { lesson, questionIds: quiz.ids };
}

function parseLocale<F>(
  source: string,
  file: string,
  locale: "en" | "zh-Hans",
  issues: ContentIssues,
  validate: (yaml: YamlFile) => F | null,
  sourcesOf: (meta: F | null, yaml: YamlFile | null) => readonly Source[] | null,
  checkIds: ReadonlySet<string> | null,
): ParsedLocale<F> {
  const split = splitFrontMatter(source);
  let yaml: YamlFile | null = null;
  let meta: F | null = null;
  if (split.yaml === null) {
    issues.error(file, 1, "missing front matter: the file must start with a --- line, the fields, and a closing ---");
  } else {
    yaml = parseYamlFile(split.yaml, file, issues, split.yamlLineOffset);
    meta = yaml ? validate(yaml) : null;
  }
  const steps = markdownToSteps(split.body, {
    file,
    lineOffset: split.bodyLineOffset,
    locale,
    sources: sourcesOf(meta, yaml),
    checkIds,
    issues,
  });
  return { file, meta, yaml, steps };
}

/**
 * The sources list alone, when another front-matter field is wrong: cites are still checked
 * and numbered instead of going unchecked until the other error is fixed.
 */
function sourcesLeniently(yaml: YamlFile | null): Source[] | null {
  const raw = (yaml?.value as { sources?: unknown } | null | undefined)?.sources;
  const parsed = englishFrontMatterSchema.shape.sources.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Check ids read leniently, so one bad question does not make every ::check an error too. */
function checkIdsOf(value: unknown): Set<string> | null {
  const checks = (value as { checks?: unknown } | null)?.checks;
  if (checks === undefined) return new Set();
  if (!Array.isArray(checks)) return null;
  return new Set(checks.map((c: { id?: unknown }) => c?.id).filter((id): id is string => typeof id === "string"));
}

function checkUniqueSources(sources: readonly Source[], yaml: YamlFile, issues: ContentIssues): void {
  sources.forEach((source, index) => {
    if (sources.findIndex((s) => s.id === source.id) !== index) {
      issues.error(yaml.file, locate(yaml, ["sources", index, "id"]).line, `duplicate source id "${source.id}"`);
    }
  });
}

function checkStepCount(en: ParsedLocale<unknown>, options: LessonBuildOptions, issues: ContentIssues): void {
  const [min, max] = options.stepRange;
  const count = en.steps.length;
  if (count === 0) {
    issues.error(en.file, 1, "a lesson needs steps: start each one with `## Title {#step-id}`");
  } else if (count < min || count > max) {
    issues.warn(en.file, en.steps[0]?.line ?? 1, `${count} steps; a lesson has ${min}–${max}`);
  }
}

/** Progress is stored per step id, so both languages must have the same ids in the same order. */
function alignSteps(en: ParsedLocale<unknown>, hans: ParsedLocale<unknown>, issues: ContentIssues): void {
  const enName = path.basename(en.file);
  const shared = Math.min(en.steps.length, hans.steps.length);
  for (let i = 0; i < shared; i++) {
    const mine = hans.steps[i];
    const theirs = en.steps[i];
    // A step without a valid id is already reported; comparing its placeholder would repeat it.
    if (!mine || !theirs || !mine.idValid || !theirs.idValid) continue;
    if (mine.step.id !== theirs.step.id) {
      issues.error(
        hans.file,
        mine.line,
        `step ${i + 1} has id "${mine.step.id}" but step ${i + 1} of ${enName} has id "${theirs.step.id}"`,
      );
      continue;
    }
    warnIfDifferent(issues, hans.file, mine.line, "checks", mine.checks, theirs.checks, enName);
    warnIfDifferent(issues, hans.file, mine.line, "widgets", mine.step.widgets, theirs.step.widgets, enName);
    warnIfDifferent(issues, hans.file, mine.line, "tryits", mine.tryits, theirs.tryits, enName);
    // A diagram is drawn from one module with text in both languages: a reader of either
    // language must get it, so a difference is an error, not a warning.
    if (mine.diagrams.join(",") !== theirs.diagrams.join(",")) {
      issues.error(hans.file, mine.line, `this step's diagrams (${mine.diagrams.join(", ") || "none"}) differ from ${enName} (${theirs.diagrams.join(", ") || "none"}): both languages place the same diagrams`);
    }
  }
  if (en.steps.length !== hans.steps.length) {
    const line = hans.steps[shared]?.line ?? hans.steps[hans.steps.length - 1]?.line ?? 1;
    issues.error(hans.file, line, `${hans.steps.length} steps but ${enName} has ${en.steps.length}: both languages have the same steps`);
  }
}

function warnIfDifferent(
  issues: ContentIssues,
  file: string,
  line: number,
  what: string,
  mine: readonly string[],
  theirs: readonly string[],
  enName: string,
): void {
  if (mine.join(",") === theirs.join(",")) return;
  issues.warn(file, line, `this step's ${what} (${mine.join(", ") || "none"}) differ from ${enName} (${theirs.join(", ") || "none"})`);
}

function compareObjectives(
  en: ParsedLocale<EnglishFrontMatter>,
  hans: ParsedLocale<TranslatedFrontMatter>,
  issues: ContentIssues,
): void {
  if (!en.meta || !hans.meta || !hans.yaml) return;
  if (en.meta.objectives.length !== hans.meta.objectives.length) {
    issues.warn(
      hans.file,
      locate(hans.yaml, ["objectives"]).line,
      `${hans.meta.objectives.length} objectives but ${path.basename(en.file)} has ${en.meta.objectives.length}`,
    );
  }
}

function checkQuizUse(
  quiz: CompiledQuiz,
  yaml: YamlFile,
  en: ParsedLocale<unknown> | null,
  options: LessonBuildOptions,
  issues: ContentIssues,
): void {
  if (en) {
    const placed = new Set(en.steps.flatMap((s) => s.checks));
    quiz.checks.forEach((check, index) => {
      if (!placed.has(check.id)) {
        issues.warn(yaml.file, locate(yaml, ["checks", index, "id"]).line, `check "${check.id}" is not placed in any step (::check{id="${check.id}"})`);
      }
    });
  }
  const [min, max] = options.quizRange;
  const count = quiz.questions.length;
  if (count < min || count > max) {
    issues.warn(yaml.file, locate(yaml, ["questions"]).line, `${count} quiz questions; a lesson's quiz has ${min}–${max}`);
  }
}

/**
 * Each question's `objectives` name objectives that exist; each objective is shown by at least
 * one check or question (otherwise the finish screen can never tick it: a warning).
 */
function checkObjectiveMapping(quiz: CompiledQuiz, yaml: YamlFile, count: number, enYaml: YamlFile, issues: ContentIssues): void {
  const shown = new Set<number>();
  for (const list of ["checks", "questions"] as const) {
    quiz[list].forEach((question, index) => {
      for (const n of question.objectives) {
        if (n > count) {
          issues.error(yaml.file, locate(yaml, [list, index, "objectives"]).line, `question "${question.id}": objective ${n} does not exist (the lesson has ${count})`);
        }
        shown.add(n);
      }
    });
  }
  for (let n = 1; n <= count; n++) {
    if (shown.has(n)) continue;
    issues.warn(enYaml.file, locate(enYaml, ["objectives", n - 1]).line, `objective ${n} is not shown by any check or quiz question, so the finish screen never ticks it: add "objectives: [${n}]" to the questions in quiz.yaml that show it`);
  }
}

/** Widget data files: required by the widgets that use them, validated, zh-Hant derived. */
function compileLessonData(
  folder: LessonFolder,
  en: ParsedLocale<unknown> | null,
  options: LessonBuildOptions,
  issues: ContentIssues,
): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  let ok = true;
  for (const spec of WIDGET_DATA_FILES) {
    const file = path.join(folder.dir, spec.fileName);
    const rel = relativePath(options.root, file);
    const user = en?.steps.find((s) => s.step.widgets.includes(spec.widget));
    if (!fs.existsSync(file)) {
      if (user && en) {
        issues.error(en.file, user.line, `widget "${spec.widget}" needs ${spec.fileName} in ${folder.folder}/`);
        ok = false;
      }
      continue;
    }
    if (!user) issues.warn(rel, 1, `no step uses the "${spec.widget}" widget, so this file is not shown`);
    const yaml = parseYamlFile(fs.readFileSync(file, "utf8"), rel, issues);
    const value = yaml ? compileWidgetData(yaml, spec, issues) : null;
    if (value === null) ok = false;
    else data[spec.key] = value;
  }
  return ok ? data : null;
}

function warnAboutStrayFiles(folder: LessonFolder, options: LessonBuildOptions, issues: ContentIssues): void {
  // Teacher's guides are compiled separately (guides.ts) but live in the lesson's folder.
  const known = new Set<string>([...Object.values(LESSON_FILES), ...WIDGET_DATA_FILES.map((s) => s.fileName), RECORDED_FILE, "guide.en.md", "guide.zh-Hans.md"]);
  for (const name of fs.readdirSync(folder.dir)) {
    if (name.startsWith(".") || known.has(name)) continue;
    issues.warn(relativePath(options.root, path.join(folder.dir, name)), 1, "not used by the build (a misspelt file name?)");
  }
}

function localeContent(
  meta: { title: string; summary: string; objectives: string[] },
  steps: readonly StepDraft[],
): LessonLocaleContent {
  return { title: meta.title, summary: meta.summary, objectives: meta.objectives, steps: steps.map((s) => s.step) };
}

/** Repository-relative path with forward slashes, the same on every platform. */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

