/**
 * The needle-in-a-haystack experiment's text (filler sentences with one "needle" sentence at a
 * chosen depth, then the question) and where its tokens fall against a window. Pure and built
 * from catalog strings, so the browser widget and the server (for the no-JavaScript fallback and
 * its tries) make the same text and the same layout.
 */
import type { Translate } from "~/i18n/translate";
import type { MessageKey } from "~/i18n/catalog/en";
import type { NeedleChoice } from "../../course/widgets/needle-choice";
import type { NeedleLayout, NeedleSpan, TokenizedSample } from "../../course/widgets/widget-data";

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

/** Windows this small list their pieces; a longer list would only be noise. */
const LISTED_WINDOW = 16;

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

/** The haystack for a student's choice, in the reader's language. */
export function haystackFor(t: Translate, choice: Pick<NeedleChoice, "sentences" | "depth">, locale: string): Haystack {
  return buildHaystack(t, choice.sentences, choice.depth / 100, spacerFor(locale));
}

/** Maps the tokenizer's pieces onto the haystack: which are the needle, which are in the window. */
export function layoutOf(sample: Pick<TokenizedSample, "pieces" | "count">, haystack: Haystack, windowSize: number): NeedleLayout {
  const total = sample.count;
  let offset = 0;
  let tokensBefore = 0;
  let needleFirstToken = -1;
  const spans: NeedleSpan[] = [];
  for (const piece of sample.pieces) {
    const start = offset;
    offset += piece.text.length;
    const needle = start < haystack.needleEnd && offset > haystack.needleStart;
    if (needle && needleFirstToken < 0) needleFirstToken = tokensBefore;
    tokensBefore += piece.ids.length;
    const inWindow = tokensBefore > total - windowSize;
    const last = spans.at(-1);
    if (last && last.needle === needle && last.inWindow === inWindow) last.text += piece.text;
    else spans.push({ text: piece.text, needle, inWindow });
  }
  return { total, needleReach: needleFirstToken < 0 ? total : total - needleFirstToken, spans };
}

/** The haystack with the needle marked and nothing measured: before its tokens are known. */
export function needleOnly(haystack: Haystack): NeedleSpan[] {
  const { text, needleStart, needleEnd } = haystack;
  const spans = [
    { text: text.slice(0, needleStart), needle: false, inWindow: false },
    { text: text.slice(needleStart, needleEnd), needle: true, inWindow: false },
    { text: text.slice(needleEnd), needle: false, inWindow: false },
  ];
  return spans.filter((s) => s.text !== "");
}

/** The window's last pieces, as the widget lists them; null for a window too long to list. */
export function listedWindow(pieces: readonly { text: string }[], windowSize: number): string[] | null {
  return windowSize <= LISTED_WINDOW ? pieces.slice(-windowSize).map((p) => p.text) : null;
}

/** Chinese sentences run on without spaces; English ones take one. */
export function spacerFor(locale: string): string {
  return locale.startsWith("zh") ? "" : " ";
}
