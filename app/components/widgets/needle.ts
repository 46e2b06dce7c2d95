/**
 * The needle-in-a-haystack experiment's text: filler sentences with one "needle" sentence at a
 * chosen depth, then the question. Built from catalog strings so the browser and the server
 * (for the no-JavaScript fallback) make the same text.
 */
import type { Translate } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/catalog/en";

export const FILLER_KEYS = [
  "widget.needle.filler1",
  "widget.needle.filler2",
  "widget.needle.filler3",
  "widget.needle.filler4",
  "widget.needle.filler5",
  "widget.needle.filler6",
  "widget.needle.filler7",
  "widget.needle.filler8",
  "widget.needle.filler9",
  "widget.needle.filler10",
  "widget.needle.filler11",
  "widget.needle.filler12",
] as const satisfies readonly MessageKey[];

export const HAYSTACK_SIZES = [6, 12, 24] as const;
export const WINDOW_SIZES = [2, 16, 64, 256] as const;

export interface Haystack {
  /** Haystack and question, as one text. */
  text: string;
  /** Where the needle sentence starts and ends in `text` (UTF-16 offsets). */
  needleStart: number;
  needleEnd: number;
  /** Where the question starts. */
  questionStart: number;
}

/**
 * `sentences` filler sentences with the needle after `round(depth × sentences)` of them
 * (depth 0 = at the very start, 1 = right before the question).
 */
export function buildHaystack(t: Translate, sentences: number, depth: number, spacer: string): Haystack {
  const needleAt = Math.round(Math.min(Math.max(depth, 0), 1) * sentences);
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(t(FILLER_KEYS[i % FILLER_KEYS.length]!));
  const needle = t("widget.needle.needle");
  const before = parts.slice(0, needleAt).join(spacer);
  const after = parts.slice(needleAt).join(spacer);
  const head = before ? before + spacer : "";
  const needleStart = head.length;
  const needleEnd = needleStart + needle.length;
  const body = head + needle + (after ? spacer + after : "");
  const questionStart = body.length + 2;
  return { text: `${body}\n\n${t("widget.needle.question")}`, needleStart, needleEnd, questionStart };
}

/** Chinese sentences run on without spaces; English ones take one. */
export function spacerFor(locale: string): string {
  return locale.startsWith("zh") ? "" : " ";
}
