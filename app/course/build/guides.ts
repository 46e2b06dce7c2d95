/**
 * Teacher's guides and the teaching plan: lessons/NN-slug/guide.{en,zh-Hans}.md and
 * lessons/teaching-plan.{en,zh-Hans}.md → `CompiledGuides`. The same Markdown compiler as the
 * lessons (each `## Title {#section-id}` is a section instead of a step), the same file:line
 * errors, and zh-Hant derived from zh-Hans. Every guide must have every section in both languages:
 * a teacher printing a guide must never find a part missing.
 *
 * The answer key is not written here: the guide page builds it from the compiled quiz, so an
 * answer changed in quiz.yaml can never disagree with the guide.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { BIG_IDEAS, CHINA_2025_AREAS, CSTA_STANDARDS } from "../../guides/frameworks";
import {
  GUIDE_SECTIONS,
  HELP_SECTIONS,
  PLAN_SECTIONS,
  type CompiledGuides,
  type CompiledHelp,
  type GuideSection,
  type LessonGuide,
} from "../../guides/types";
import type { AuthoredLocale, Block, Course, Localized } from "../types";
import { hantBlock } from "./derive-hant";
import { ContentIssues, sortContentErrors, type ContentError } from "./errors";
import { splitFrontMatter } from "./front-matter";
import { toHant } from "../../i18n/hant";
import { markdownToSteps, type StepDraft } from "./markdown-to-blocks";
import { relativePath } from "./parse-lesson";
import { locate, parseYamlFile, validateYaml } from "./yaml-file";

export const GUIDE_FILES = { en: "guide.en.md", "zh-Hans": "guide.zh-Hans.md" } as const;
export const PLAN_FILES = { en: "teaching-plan.en.md", "zh-Hans": "teaching-plan.zh-Hans.md" } as const;
export const HELP_FILES = { en: "help.en.md", "zh-Hans": "help.zh-Hans.md" } as const;

/** A class period is 40 or 45 minutes in the schools we write for. */
const PERIOD_MINUTES = { min: 40, max: 45 };

const guideFrontMatterSchema = z.strictObject({
  periodMinutes: z
    .number({ error: "must be the length of the class period in minutes" })
    .int()
    .min(PERIOD_MINUTES.min, { error: `a class period is ${PERIOD_MINUTES.min}–${PERIOD_MINUTES.max} minutes` })
    .max(PERIOD_MINUTES.max, { error: `a class period is ${PERIOD_MINUTES.min}–${PERIOD_MINUTES.max} minutes` }),
  bigIdeas: z
    .array(z.union(BIG_IDEAS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>]), {
      error: "list AI4K12 big ideas, 1 to 5",
    })
    .min(1),
  csta: z
    .array(z.enum(CSTA_STANDARDS, { error: `a CSTA standard this course can cite: ${CSTA_STANDARDS.join(", ")}` }))
    .min(1, { error: "list at least one CSTA standard" }),
  china2025: z
    .array(z.enum(CHINA_2025_AREAS, { error: `one of ${CHINA_2025_AREAS.join(", ")}` }))
    .min(1, { error: "list at least one area of the 2025 guidelines" }),
});

export type GuidesResult =
  | { guides: CompiledGuides; warnings: ContentError[] }
  | { errors: ContentError[]; warnings: ContentError[] };

interface GuideOptions {
  /** Errors name files relative to this directory. Default: the parent of the lessons directory. */
  root?: string;
}

/** Compiles every lesson's guide and the teaching plan, for the course compiled from the same folder. */
export function compileGuides(lessonsDir: string, course: Course, options: GuideOptions = {}): GuidesResult {
  const dir = path.resolve(lessonsDir);
  const root = path.resolve(options.root ?? path.dirname(dir));
  const issues = new ContentIssues();
  const folders = lessonFolders(dir);
  const lessons: LessonGuide[] = [];
  for (const lesson of course.lessons) {
    const folder = folders.get(lesson.slug);
    if (!folder) continue;
    const guide = compileLessonGuide(path.join(dir, folder), root, lesson.slug, lesson.number, lesson.bigIdea, issues);
    if (guide) lessons.push(guide);
  }
  const plan = compileSectionFiles(dir, root, PLAN_FILES, PLAN_SECTIONS, issues, "the teaching plan");
  const warnings = sortContentErrors(issues.warnings);
  if (issues.errors.length > 0 || !plan) return { errors: sortContentErrors(issues.errors), warnings };
  return {
    guides: {
      courseVersion: course.version,
      lessons,
      plan: { content: { en: { sections: plan.en }, "zh-Hans": { sections: plan["zh-Hans"] }, "zh-Hant": { sections: plan["zh-Hant"] } } },
    },
    warnings,
  };
}

export type HelpResult = { help: CompiledHelp; warnings: ContentError[] } | { errors: ContentError[]; warnings: ContentError[] };

/**
 * The help page for staff (help/help.{en,zh-Hans}.md → /help): the same sections, checks and
 * zh-Hant derivation as the teaching plan. Every section in both languages, in HELP_SECTIONS.
 */
export function compileHelp(helpDir: string, options: GuideOptions = {}): HelpResult {
  const dir = path.resolve(helpDir);
  const root = path.resolve(options.root ?? path.dirname(dir));
  const issues = new ContentIssues();
  const sections = compileSectionFiles(dir, root, HELP_FILES, HELP_SECTIONS, issues, "the help page");
  const warnings = sortContentErrors(issues.warnings);
  if (issues.errors.length > 0 || !sections) return { errors: sortContentErrors(issues.errors), warnings };
  return {
    help: { content: { en: { sections: sections.en }, "zh-Hans": { sections: sections["zh-Hans"] }, "zh-Hant": { sections: sections["zh-Hant"] } } },
    warnings,
  };
}

/** slug → folder name, from the NN-slug folders on disk. */
function lessonFolders(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    const match = /^\d+-(.+)$/.exec(name);
    if (match?.[1]) map.set(match[1], name);
  }
  return map;
}

function compileLessonGuide(
  folderDir: string,
  root: string,
  slug: string,
  number: number,
  bigIdea: number,
  issues: ContentIssues,
): LessonGuide | null {
  const before = issues.errorCount;
  const enFile = path.join(folderDir, GUIDE_FILES.en);
  let periodMinutes = 45;
  let frameworks: LessonGuide["frameworks"] | null = null;
  if (fs.existsSync(enFile)) {
    const rel = relativePath(root, enFile);
    const split = splitFrontMatter(fs.readFileSync(enFile, "utf8"));
    if (split.yaml === null) {
      issues.error(rel, 1, "missing front matter: periodMinutes, bigIdeas, csta and china2025 between --- lines");
    } else {
      const yaml = parseYamlFile(split.yaml, rel, issues, split.yamlLineOffset);
      const meta = yaml ? validateYaml(yaml, guideFrontMatterSchema, issues) : null;
      if (yaml && meta) {
        if (!meta.bigIdeas.includes(bigIdea as 1)) {
          issues.error(rel, locate(yaml, ["bigIdeas"]).line, `bigIdeas must include the lesson's own big idea (${bigIdea}, from lesson.en.md)`);
        }
        periodMinutes = meta.periodMinutes;
        frameworks = {
          bigIdeas: [bigIdea, ...meta.bigIdeas.filter((n) => n !== bigIdea)],
          csta: [...new Set(meta.csta)],
          china2025: [...new Set(meta.china2025)],
        };
      }
    }
  }
  const sections = compileSectionFiles(folderDir, root, GUIDE_FILES, GUIDE_SECTIONS, issues, "every guide", periodMinutes);
  if (issues.errorCount > before || !sections || !frameworks) return null;
  return {
    slug,
    number,
    periodMinutes,
    frameworks,
    content: { en: { sections: sections.en }, "zh-Hans": { sections: sections["zh-Hans"] }, "zh-Hant": { sections: sections["zh-Hant"] } },
  };
}

/**
 * Both authored files of a guide or plan → sections per locale (zh-Hant derived). Checks that
 * each file has exactly the required sections and that each section has the shape it promises.
 */
function compileSectionFiles<Id extends string>(
  dir: string,
  root: string,
  files: Record<AuthoredLocale, string>,
  required: readonly Id[],
  issues: ContentIssues,
  what: string,
  periodMinutes?: number,
): Localized<GuideSection<Id>[]> | null {
  const before = issues.errorCount;
  const out: Partial<Record<AuthoredLocale, GuideSection<Id>[]>> = {};
  for (const locale of ["en", "zh-Hans"] as const) {
    const file = path.join(dir, files[locale]);
    const rel = relativePath(root, file);
    if (!fs.existsSync(file)) {
      issues.error(rel, 1, `file not found: ${what} needs ${Object.values(files).join(" and ")}`);
      continue;
    }
    const source = fs.readFileSync(file, "utf8");
    // Only the English guide carries front matter (the mapping is the same in every language).
    const split = locale === "en" ? splitFrontMatter(source) : { body: source, bodyLineOffset: 0 };
    const drafts = markdownToSteps(split.body, {
      file: rel,
      lineOffset: split.bodyLineOffset,
      locale,
      sources: [],
      checkIds: new Set(),
      issues,
    });
    const lastLine = source.split("\n").length;
    out[locale] = checkSections(drafts, required, rel, lastLine, issues, periodMinutes);
  }
  if (issues.errorCount > before || !out.en || !out["zh-Hans"]) return null;
  const hans = out["zh-Hans"];
  return {
    en: out.en,
    "zh-Hans": hans,
    "zh-Hant": hans.map((s) => ({ id: s.id, title: toHant(s.title), blocks: s.blocks.map(hantBlock) })),
  };
}

function checkSections<Id extends string>(
  drafts: readonly StepDraft[],
  required: readonly Id[],
  file: string,
  lastLine: number,
  issues: ContentIssues,
  periodMinutes: number | undefined,
): GuideSection<Id>[] {
  const byId = new Map<string, StepDraft>();
  for (const draft of drafts) {
    const id = draft.step.id;
    if (!(required as readonly string[]).includes(id)) {
      issues.error(file, draft.line, `unknown section {#${id}}; the sections are ${required.map((r) => `{#${r}}`).join(", ")}`);
      continue;
    }
    if (draft.step.widgets.length > 0 || draft.checks.length > 0 || draft.tryits.length > 0) {
      issues.error(file, draft.line, "a guide is printed: no ::widget, ::check or :::tryit in it (describe them in words)");
    }
    if (draft.step.blocks.length === 0) issues.error(file, draft.line, `section {#${id}} is empty`);
    byId.set(id, draft);
    checkShape(id, draft, file, issues, periodMinutes);
  }
  required.forEach((id, index) => {
    if (byId.has(id)) return;
    // Point at where the section belongs: before the next required section that exists.
    const next = required.slice(index + 1).find((later) => byId.has(later));
    const line = next ? (byId.get(next)?.line ?? lastLine) : lastLine;
    issues.error(file, line, `missing section: add \`## … {#${id}}\` here (${SECTION_HINTS[id as string] ?? "required"})`);
  });
  return required.flatMap((id) => {
    const draft = byId.get(id);
    return draft ? [{ id, title: draft.step.title, blocks: draft.step.blocks }] : [];
  });
}

const SECTION_HINTS: Record<string, string> = {
  goal: "the lesson's goal in one sentence",
  plan: "a table: minutes, activity, whole class or devices",
  widgets: "what to say when introducing each widget",
  misconceptions: "a numbered list of the three misconceptions and how to answer them",
  discussion: "discussion questions and what good answers contain",
  unplugged: "the core activity without devices",
  adapting: "adapting for ages 12–13 and 16–17",
  summary: "the handout's one-page summary",
  diagram: "a numbered list of 2–6 short labels, drawn as the handout's key diagram",
  worksheet: "the handout's worksheet for the unplugged activity",
  "eight-hours": "the course in 8 class hours",
  "four-hours": "the short course in 4 class hours",
  playground: "where the playground fits",
  homework: "what to assign as homework",
};

/** The promises some sections make: checked so that a print never comes out half-written. */
function checkShape(id: string, draft: StepDraft, file: string, issues: ContentIssues, periodMinutes: number | undefined): void {
  const blocks = draft.step.blocks;
  const at = draft.line;
  if (id === "goal") {
    const sentences = blocks.length === 1 && blocks[0]?.t === "p" ? countSentences(blocks[0]) : 0;
    if (sentences !== 1) issues.error(file, at, "the goal is one sentence, in one paragraph");
  } else if (id === "misconceptions") {
    const list = blocks.find((b) => b.t === "ol");
    if (!list || list.t !== "ol" || list.items.length !== 3) {
      issues.error(file, at, "list exactly three misconceptions as a numbered list (1. … 2. … 3. …)");
    }
  } else if (id === "diagram") {
    const list = blocks.length === 1 ? blocks[0] : undefined;
    if (!list || list.t !== "ol" || list.items.length < 2 || list.items.length > 6) {
      issues.error(file, at, "the diagram is one numbered list of 2–6 short labels, nothing else");
    }
  } else if (id === "plan" && periodMinutes !== undefined) {
    checkPlanTable(blocks, periodMinutes, file, at, issues);
  }
}

function countSentences(block: Extract<Block, { t: "p" }>): number {
  const text = block.c.map((i) => ("v" in i ? i.v : "c" in i ? "x" : "")).join("").trim();
  const ends = text.match(/[.!?。！？](?=\s|$)|[。！？]/g) ?? [];
  return text === "" ? 0 : Math.max(1, ends.length);
}

/** The period plan's first column is a minute range (0–5, 5–12…) that covers the whole period. */
function checkPlanTable(blocks: readonly Block[], periodMinutes: number, file: string, at: number, issues: ContentIssues): void {
  const table = blocks.find((b) => b.t === "table");
  if (!table || table.t !== "table") {
    issues.error(file, at, "the period plan is a table whose first column is the minutes (0–5, 5–12, …)");
    return;
  }
  let expected = 0;
  for (const row of table.rows) {
    const cell = (row[0] ?? []).map((i) => ("v" in i ? i.v : "")).join("");
    const match = /^\s*(\d+)\s*[–-]\s*(\d+)/.exec(cell);
    if (!match) {
      issues.error(file, at, `plan row "${cell}": the first column is a minute range such as 5–12`);
      return;
    }
    const [from, to] = [Number(match[1]), Number(match[2])];
    if (from !== expected || to <= from) {
      issues.error(file, at, `plan row "${cell}": expected a range starting at minute ${expected}`);
      return;
    }
    expected = to;
  }
  if (expected !== periodMinutes) {
    issues.error(file, at, `the plan ends at minute ${expected} but the period is ${periodMinutes} minutes (periodMinutes)`);
  }
}

