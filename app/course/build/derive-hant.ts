/**
 * Builds the zh-Hant side of compiled content from its zh-Hans side: every string a reader sees
 * (or a check compares) goes through toHant; ids, URLs, widget names and code languages do not.
 */
import type { Block, Inline, LessonLocaleContent, QuestionLocaleContent, Step, TryItCheck } from "../types";
import { toHant } from "../../i18n/hant";
import { DIAGRAMS } from "../diagrams";
import { renderDiagram } from "./diagrams";

export function hantLessonContent(hans: LessonLocaleContent): LessonLocaleContent {
  return {
    title: toHant(hans.title),
    summary: toHant(hans.summary),
    objectives: hans.objectives.map(toHant),
    steps: hans.steps.map(hantStep),
  };
}

function hantStep(step: Step): Step {
  return { ...step, title: toHant(step.title), blocks: step.blocks.map(hantBlock) };
}

export function hantBlock(block: Block): Block {
  switch (block.t) {
    case "p":
      return { t: "p", c: hantInlines(block.c) };
    case "h":
      return { ...block, c: hantInlines(block.c) };
    case "ul":
      return { t: "ul", items: block.items.map((item) => item.map(hantBlock)) };
    case "ol":
      return { ...block, items: block.items.map((item) => item.map(hantBlock)) };
    case "quote":
      return { t: "quote", c: block.c.map(hantBlock) };
    // Code examples in a Chinese lesson are Chinese prompts and replies: readers expect them converted.
    case "pre":
      return { ...block, v: toHant(block.v) };
    case "table":
      return { t: "table", head: block.head.map(hantInlines), rows: block.rows.map((row) => row.map(hantInlines)) };
    case "hr":
    case "check":
      return block;
    case "callout":
      return {
        ...block,
        ...(block.title !== undefined ? { title: toHant(block.title) } : {}),
        c: block.c.map(hantBlock),
      };
    // Extra widget attributes are text for the widget (e.g. a sample sentence).
    case "widget":
      return { ...block, props: Object.fromEntries(Object.entries(block.props).map(([k, v]) => [k, toHant(v)])) };
    // The prompt is sent to the model in Traditional Chinese, so the reply check must expect it too.
    // Drawn again from the zh-Hans text converted (the markup's attributes are not text).
    case "diagram": {
      const module = DIAGRAMS[block.name];
      return module ? { ...block, svg: renderDiagram(block.name, module, "zh-Hant") } : block;
    }
    case "predict":
      return { t: "predict", c: block.c.map(hantBlock), reveal: block.reveal.map(hantBlock) };
    case "discuss":
      return { t: "discuss", c: block.c.map(hantBlock) };
    case "tryit":
      return {
        ...block,
        prompt: toHant(block.prompt),
        ...(block.system !== undefined ? { system: toHant(block.system) } : {}),
        check: hantCheck(block.check),
        ...(block.miniCheck ? { miniCheck: hantCheck(block.miniCheck) } : {}),
        ...(block.recorded ? { recorded: { ...block.recorded, reply: toHant(block.recorded.reply) } } : {}),
      };
  }
}

export function hantCheck(check: TryItCheck): TryItCheck {
  if (check.kind === "contains") return { ...check, value: toHant(check.value) };
  if (check.kind === "regex") return { ...check, pattern: toHant(check.pattern), says: toHant(check.says) };
  return check;
}

export function hantInlines(inlines: readonly Inline[]): Inline[] {
  return inlines.map(hantInline);
}

function hantInline(inline: Inline): Inline {
  switch (inline.t) {
    case "text":
    case "code":
      return { ...inline, v: toHant(inline.v) };
    case "strong":
    case "em":
    case "link":
      return { ...inline, c: hantInlines(inline.c) };
    case "br":
    case "cite":
      return inline;
  }
}

/** Accepted answers keep the 简体 forms too: a Taiwanese student may type either script. */
export function hantQuestionContent(hans: QuestionLocaleContent): QuestionLocaleContent {
  return {
    prompt: toHant(hans.prompt),
    choices: hans.choices.map((choice) => ({ ...choice, text: toHant(choice.text) })),
    accepted: [...new Set([...hans.accepted.map(toHant), ...hans.accepted])],
    explanation: toHant(hans.explanation),
  };
}

/**
 * Widget data files: every `{ en, zh-Hans }` object (strings or lists of strings) gains a
 * derived `zh-Hant`, wherever it sits in the file.
 */
export function addHantToLocalizedValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(addHantToLocalizedValues);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) out[key] = addHantToLocalizedValues(inner);
  if ("en" in record && "zh-Hans" in record) {
    const hans = record["zh-Hans"];
    if (typeof hans === "string") out["zh-Hant"] = toHant(hans);
    else if (Array.isArray(hans) && hans.every((item) => typeof item === "string")) out["zh-Hant"] = hans.map(toHant);
  }
  return out;
}
