/**
 * The rules of a good step (issue 14): short enough to read on one screen, something to do, and
 * objectives the student can say about themselves. They are errors by default, so a lesson that
 * breaks them cannot ship; LANTERN_STRICT_STEPS=0 turns them into warnings while a lesson is drafted.
 */
import { allBlocks, inlineText } from "../block-tree";
import { countWords } from "../tryit-check";
import type { AuthoredLocale, Block } from "../types";
import type { ContentIssues } from "./errors";
import type { StepDraft } from "./markdown-to-blocks";

/**
 * The one switch. Strict since every lesson fits the rules (lessons 01–07 were rewritten into short
 * steps): a new or edited lesson must fit them too, or the build fails. An author drafting a long
 * step can opt out for a local build with LANTERN_STRICT_STEPS=0; the rules then only warn.
 */
export const strictStepsByDefault = (): boolean => process.env.LANTERN_STRICT_STEPS !== "0";

/** Words a student reads in one step (Chinese: one per character, plus Latin words). */
export const STEP_WORD_LIMIT: Record<AuthoredLocale, number> = { en: 250, "zh-Hans": 450 };

/** Objectives in the student's voice. */
export const OBJECTIVE_VOICE: Record<AuthoredLocale, { pattern: RegExp; example: string }> = {
  en: { pattern: /^I can\b/, example: "I can explain …" },
  "zh-Hans": { pattern: /^我(能|可以)/, example: "我能说明……" },
};

/** Block kinds that give the student something to do. A diagram is to look at, not to do. */
const ACTIVITY_BLOCKS: ReadonlySet<Block["t"]> = new Set(["check", "widget", "tryit", "predict", "discuss"]);

/**
 * The prose a student reads in a step: paragraphs, headings, lists, quotes, tables, callouts and
 * the text of predict/discuss boxes. Not code, try-it prompts, widgets, checks or diagrams.
 */
export function stepWordCount(blocks: readonly Block[]): number {
  let words = 0;
  for (const block of allBlocks(blocks)) {
    switch (block.t) {
      case "p":
      case "h":
        words += countWords(inlineText(block.c));
        break;
      case "table":
        for (const cell of [...block.head, ...block.rows.flat()]) words += countWords(inlineText(cell));
        break;
      case "callout":
        words += countWords(block.title ?? "");
        break;
      default:
        break; // containers: their paragraphs are counted as allBlocks reaches them
    }
  }
  return words;
}

export function hasActivity(blocks: readonly Block[]): boolean {
  for (const block of allBlocks(blocks)) if (ACTIVITY_BLOCKS.has(block.t)) return true;
  return false;
}

export interface StepRuleContext {
  file: string;
  locale: AuthoredLocale;
  strict: boolean;
  issues: ContentIssues;
}

/** Each step: within its word limit (or an override that says why) and with something to do. */
export function checkStepRules(steps: readonly StepDraft[], ctx: StepRuleContext): void {
  const report = (line: number, message: string) =>
    ctx.strict ? ctx.issues.error(ctx.file, line, message) : ctx.issues.warn(ctx.file, line, message);
  const limit = STEP_WORD_LIMIT[ctx.locale];
  const unit = ctx.locale === "en" ? "words" : "words (each Chinese character counts as one)";
  for (const draft of steps) {
    const words = stepWordCount(draft.step.blocks);
    const allowed = draft.wordsOverride?.limit ?? limit;
    if (words > allowed) {
      const how = draft.wordsOverride
        ? `its words="${draft.wordsOverride.limit}: …" override`
        : `${limit}; split the step, or give a limit and the reason in its heading: {#${draft.step.id} words="${words}: why this step needs it"}`;
      report(draft.line, `step "${draft.step.id}" has ${words} ${unit}, more than ${how}`);
    }
    if (!hasActivity(draft.step.blocks)) {
      report(draft.line, `step "${draft.step.id}" has nothing for the student to do: add a ::check, ::widget, :::tryit, :::predict or :::discuss`);
    }
  }
}

/** Objectives start with "I can" (English) or 我能/我可以 (简体中文). */
export function checkObjectiveVoice(
  objectives: readonly string[],
  lineOf: (index: number) => number,
  ctx: StepRuleContext,
): void {
  const voice = OBJECTIVE_VOICE[ctx.locale];
  objectives.forEach((objective, index) => {
    if (voice.pattern.test(objective.trim())) return;
    const message = `objective ${index + 1} is not in the student's voice: start it like “${voice.example}”`;
    if (ctx.strict) ctx.issues.error(ctx.file, lineOf(index), message);
    else ctx.issues.warn(ctx.file, lineOf(index), message);
  });
}
