/**
 * Chinese text inside a page in another language (an English lesson's 我今天的数学作业还没写完。),
 * cut out so the page can mark it with its language (WCAG 3.1.2, language of parts): a screen
 * reader then switches to a Chinese voice instead of spelling the characters out or skipping them.
 */
import type { Locale } from "./locales";

/**
 * A run starts at a Han character and takes the Han characters and CJK punctuation after it, so a
 * poem line with its ，and 。 is one run; Latin letters, digits and spaces end it.
 */
const HAN_RUN = /\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uff0f\uff1a-\uff20]*/gu;

export interface TextPiece {
  text: string;
  /** The language of a Chinese run; none for text in the page's own language. */
  lang?: string;
}

/**
 * `text` cut into pieces in the page's language and Chinese runs. A Chinese page needs no marks.
 * The Chinese in lessons written in English is Simplified (its authors write zh-Hans; zh-Hant is
 * derived from it), so that is the language of the runs.
 */
export function hanRuns(text: string, pageLocale: Locale): TextPiece[] {
  if (pageLocale.startsWith("zh")) return [{ text }];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
    pieces.push({ text: match[0], lang: "zh-Hans" });
    at = match.index + match[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at) });
  return pieces;
}
