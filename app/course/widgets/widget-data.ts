/**
 * The data widgets read from `WidgetProps.data` (the compiled lesson's `data`, plus what the
 * lesson loader adds: the learner's calibration points and `widgetServer`, computed on the server
 * for the no-JavaScript fallbacks). Pure and defensive: data is JSON from the loader, so every
 * reader checks shapes and returns something empty rather than throwing in a lesson page.
 */
import { CHART_CONFIDENCE_ORDER, type CalibrationPoint, type Confidence } from "~/course/scoring";
import type { Locale } from "~/course/types";
import type { NeedleChoice } from "./needle-choice";

/** `{ en, zh-Hans, zh-Hant }` → the text for this locale (English when it is missing). */
export function localized(value: unknown, locale: Locale): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const text = record[locale] ?? record.en;
    if (typeof text === "string") return text;
  }
  return "";
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];
}

function field(data: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = data[key];
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

export type PreferenceChoice = "a" | "b";

export interface PreferencePair {
  id: string;
  prompt: string;
  a: string;
  b: string;
  /** The AI judge's label: authored by the course writers as an example, not a model's output. */
  judge: PreferenceChoice;
  reason: string;
}

/** Pairs of `preferences.yaml`, in this locale. */
export function preferencePairs(data: Record<string, unknown>, locale: Locale): PreferencePair[] {
  return list(field(data, "preferences").pairs).flatMap((p) =>
    typeof p.id === "string" && (p.judge === "a" || p.judge === "b")
      ? [
          {
            id: p.id,
            prompt: localized(p.prompt, locale),
            a: localized(p.a, locale),
            b: localized(p.b, locale),
            judge: p.judge,
            reason: localized(p.reason, locale),
          },
        ]
      : [],
  );
}

export interface ConstitutionExample {
  id: string;
  principle: string;
  prompt: string;
  answer: string;
  critique: string;
  revision: string;
}

/** Worked examples of `constitution.yaml`, in this locale. */
export function constitutionExamples(data: Record<string, unknown>, locale: Locale): ConstitutionExample[] {
  return list(field(data, "constitution").examples).flatMap((e) =>
    typeof e.id === "string"
      ? [
          {
            id: e.id,
            principle: localized(e.principle, locale),
            prompt: localized(e.prompt, locale),
            answer: localized(e.answer, locale),
            critique: localized(e.critique, locale),
            revision: localized(e.revision, locale),
          },
        ]
      : [],
  );
}

/**
 * `data.calibrationPoints` as the calibration widget may trust it (the lesson page fills it with
 * scoring.ts's calibrationPoints): one entry per level at most, levels with no answers left out,
 * in chart order.
 */
export function calibrationPointsIn(data: Record<string, unknown>): CalibrationPoint[] {
  const byLevel = new Map<Confidence, CalibrationPoint>();
  for (const p of list(data.calibrationPoints)) {
    const level = CHART_CONFIDENCE_ORDER.find((l) => l === p.level);
    const answered = Number(p.answered);
    const correct = Number(p.correct);
    if (!level || !Number.isInteger(answered) || !Number.isInteger(correct)) continue;
    if (answered <= 0 || correct < 0 || correct > answered) continue;
    const seen = byLevel.get(level);
    byLevel.set(level, {
      level,
      answered: answered + (seen?.answered ?? 0),
      correct: correct + (seen?.correct ?? 0),
    });
  }
  return CHART_CONFIDENCE_ORDER.flatMap((l) => byLevel.get(l) ?? []);
}

/** A piece of text as the tokenizer cut it, with how many tokens it holds. */
export interface TokenPieceView {
  text: string;
  ids: number[];
  normalized?: string;
}

/** The text a student typed in a widget reads as a crisis or low mood: the widget points them to help. */
export type Feelings = "crisis" | "low_mood";

export interface TokenizedSample {
  text: string;
  pieces: TokenPieceView[];
  count: number;
  characters: number;
  support?: Feelings;
}

export interface NextTokenCandidate {
  /** The piece's text; "" with `end` when the model would end the text here. */
  piece: string;
  end?: true;
  /** The model's probability. */
  p: number;
  /** The chance of being picked at the chosen temperature, among the top-k candidates. */
  chance: number;
}

export interface NextTokenView {
  /** The pieces the mini model actually reads: its whole context window. */
  window: string[];
  candidates: NextTokenCandidate[];
}

/** What the lesson loader computes on the server so fallbacks can teach without JavaScript. */
export interface WidgetServerData {
  tokenizer?: { samples: TokenizedSample[] };
  /** Keyed by the widget's starting text. */
  nextToken?: Record<string, NextTokenView>;
  /** The experiment's first run (FIRST_CHOICE). */
  needle?: NeedleRun;
}

/** A stretch of the haystack whose tokens are all needle or not, all in the window or not. */
export interface NeedleSpan {
  text: string;
  needle: boolean;
  inWindow: boolean;
}

export interface NeedleLayout {
  total: number;
  /** Tokens from the first token of the needle to the end of the text: the window it would need. */
  needleReach: number;
  spans: NeedleSpan[];
}

/** What the widget shows for a choice, computed on the server for its no-JavaScript fallback. */
export interface NeedleRun extends NeedleChoice, NeedleLayout {
  /** The window's last pieces; null when the window is too long to list. */
  listed: string[] | null;
  /** The mini model's greedy continuation after the question. */
  answer: string;
  /** The pieces the mini model read before answering: its whole window. */
  answerWindow: string[];
}

/**
 * A widget tried without JavaScript: the fallback's form posts the typed text (or the needle
 * experiment's choice) to the lesson, and the page shows what the widget would have (the lesson
 * action computes it, as the widget's API does for a page with JavaScript).
 */
export type WidgetTry =
  | { widget: "tokenizer"; text: string; sample: TokenizedSample; support?: Feelings }
  | { widget: "next-token"; text: string; view: NextTokenView; support?: Feelings }
  /** `support`: a text refused for its length may still read as a crisis: the pointer to help comes with the refusal. */
  | { widget: "tokenizer" | "next-token"; text: string; refused: string; support?: Feelings }
  | { widget: "needle"; run: NeedleRun }
  | { widget: "needle"; choice: NeedleChoice; refused: string }
  /** A preference-lab choice: the student's choices (a visitor's: this one) and the class's totals. */
  | { widget: "preference-lab"; result: PreferencesResponse }
  | { widget: "preference-lab"; refused: string };

export function widgetTry<W extends WidgetTry["widget"]>(data: Record<string, unknown>, widget: W): Extract<WidgetTry, { widget: W }> | null {
  const value = data.widgetTry as WidgetTry | undefined;
  return value && value.widget === widget ? (value as Extract<WidgetTry, { widget: W }>) : null;
}

export function widgetServer(data: Record<string, unknown>): WidgetServerData {
  const value = data.widgetServer;
  return value && typeof value === "object" ? (value as WidgetServerData) : {};
}

/** What POST /api/next-token answers. */
export interface NextTokenResponse extends NextTokenView {
  /** The text after the added pieces (the context itself when nothing was asked to be added). */
  text: string;
  added: { piece: string; end?: true }[];
  temperature: number;
  topK: number;
  support?: Feelings;
}

/** What GET and POST /api/preferences answer. */
export interface PreferencesResponse {
  /** False for visitors, teachers and admins: nothing is saved and there is no class to compare. */
  student: boolean;
  saved: boolean;
  /** The student's own latest choice per pair id. */
  mine: Record<string, PreferenceChoice>;
  /** Classmates' latest choices per pair id; null until enough classmates have chosen. */
  classCounts: Record<string, { a: number; b: number } | null>;
  minClassmates: number;
}
