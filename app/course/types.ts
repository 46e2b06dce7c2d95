/**
 * The compiled course: what `scripts/build-course.ts` writes to `build/course.json`
 * and what the server loads once at start. Pure data (JSON), shared by server and browser.
 * Nothing here parses Markdown: that happens only at build time.
 */

// the locales are the interface's (app/i18n/locales.ts); the course is written in the same ones
import { LOCALES, type Locale } from "~/i18n/locales";
export { LOCALES, type Locale };
/** Locales authors write by hand; zh-Hant is derived from zh-Hans with opencc-js. */
export const AUTHORED_LOCALES = ["en", "zh-Hans"] as const;
export type AuthoredLocale = (typeof AUTHORED_LOCALES)[number];

export type Localized<T> = Record<Locale, T>;

export const WIDGET_NAMES = [
  "tokenizer",
  "next-token",
  "context-window",
  "preference-lab",
  "constitution-lab",
  "calibration",
] as const;
export type WidgetName = (typeof WIDGET_NAMES)[number];

export const CALLOUT_KINDS = ["note", "tip", "warning", "misconception", "example"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** Inline content: the subset of Markdown lessons use, already parsed. */
export type Inline =
  | { t: "text"; v: string }
  | { t: "strong"; c: Inline[] }
  | { t: "em"; c: Inline[] }
  | { t: "code"; v: string }
  | { t: "link"; href: string; c: Inline[] }
  | { t: "br" }
  /** `:cite[sourceId]` — a numbered reference to a source in the lesson's front matter. */
  | { t: "cite"; source: string; n: number };

/** Block content of a step. */
export type Block =
  | { t: "p"; c: Inline[] }
  | { t: "h"; level: 3 | 4; c: Inline[] }
  | { t: "ul"; items: Block[][] }
  | { t: "ol"; items: Block[][]; start?: number }
  | { t: "quote"; c: Block[] }
  | { t: "pre"; lang?: string; v: string }
  | { t: "table"; head: Inline[][]; rows: Inline[][][] }
  | { t: "hr" }
  | { t: "callout"; kind: CalloutKind; title?: string; c: Block[] }
  | { t: "widget"; name: WidgetName; props: Record<string, string> }
  /** An inline check question: refers to a question of quiz.yaml's `checks`. */
  | { t: "check"; id: string }
  /** A "try it" prompt that opens the playground prefilled; graded by a visible check. */
  | { t: "tryit"; id: string; prompt: string; system?: string; check: TryItCheck; miniCheck?: TryItCheck; recorded?: RecordedReply }
  /**
   * `::diagram{name}`: an SVG drawn at build time from app/course/diagrams/<name>.tsx in this
   * block's locale. `svg` is markup React rendered from our own component (text escaped), so the
   * page shows it as is and ships no diagram code to the browser.
   */
  | { t: "diagram"; name: string; svg: string }
  /** `:::predict`: the student writes a guess (kept in the page only), then opens the reveal. */
  | { t: "predict"; c: Block[]; reveal: Block[] }
  /** `:::discuss`: a prompt for a pair or the class to talk about. */
  | { t: "discuss"; c: Block[] };

/**
 * A real model's reply to a try-it's prompt, kept in the lesson's recorded.yaml: what a student
 * without a real model judges instead of a live reply (graded by the same check).
 */
export interface RecordedReply {
  /** Who wrote it, said truthfully (no model id that cannot be verified). */
  model: string;
  /** When it was recorded, YYYY-MM-DD. */
  date: string;
  reply: string;
}

export type TryItCheck =
  | { kind: "contains"; value: string; caseSensitive?: boolean }
  /** `says`: what the pattern looks for, in the student's words (a raw pattern is never shown). */
  | { kind: "regex"; pattern: string; flags?: string; says: string }
  | { kind: "words"; min?: number; max?: number }
  | { kind: "lines"; min?: number; max?: number };

export interface Step {
  /** Stable within a lesson: derived from the heading (`## Title {#id}` overrides). */
  id: string;
  title: string;
  blocks: Block[];
  /** Widgets used in this step, so the player loads only their code. */
  widgets: WidgetName[];
}

export interface Source {
  id: string;
  title: string;
  url?: string;
  /** Who published it and when, e.g. "Anthropic, March 2024". */
  publisher?: string;
}

export interface LessonLocaleContent {
  title: string;
  summary: string;
  objectives: string[];
  steps: Step[];
}

export type QuestionType = "single" | "multiple" | "text";

export interface Choice {
  id: string;
  text: string;
  /** Kept at the start or end when choices are shuffled (e.g. "none of these" → last). */
  pin?: "first" | "last";
}

export interface QuestionLocaleContent {
  prompt: string;
  choices: Choice[];
  /** For `text` questions: accepted answers, compared after normalisation. */
  accepted: string[];
  explanation: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  /** Correct choice ids (single: exactly one; multiple: one or more; text: empty). */
  answer: string[];
  /** Tags a question about a common misconception. */
  misconception: boolean;
  /** The lesson objectives (1-based) a right answer shows; the finish screen ticks them. */
  objectives: number[];
  content: Localized<QuestionLocaleContent>;
}

export interface Lesson {
  slug: string;
  /** Position in course.yaml, 1-based. */
  number: number;
  minutes: number;
  /** AI4K12 big idea, 1–5. */
  bigIdea: 1 | 2 | 3 | 4 | 5;
  gradeBand: string;
  sources: Source[];
  content: Localized<LessonLocaleContent>;
  checks: Question[];
  quiz: Question[];
  /** Optional widget data shipped with the lesson (e.g. preference pairs), per locale. */
  data: Record<string, unknown>;
}

export interface Course {
  version: string;
  lessons: Lesson[];
}
