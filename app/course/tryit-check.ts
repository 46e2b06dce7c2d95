/**
 * Grades a playground reply against a lesson's "try it" check. PURE: the playground runs it in
 * the browser (and may on the server) so a student sees at once why a reply passed.
 *
 * - contains: the value appears in the reply; case-insensitive unless `caseSensitive`; both are
 *   NFKC-folded first so full-width "２１４" matches "214".
 * - regex: the author's pattern and flags (the build allows only i, m, s, u).
 * - words: Latin-script words are runs of letters/digits (with inner ' ’ - _ .), and every CJK
 *   character counts as one word, because Chinese lessons say "不超过 60 个字" (60 characters).
 * - lines: lines with visible text; blank lines are ignored.
 */
import type { TryItCheck } from "./types";

export interface TryItResult {
  passed: boolean;
  /** The measured count for words/lines checks, so the interface can say "42 words". */
  count?: number;
}

export function gradeTryIt(check: TryItCheck, reply: string): TryItResult {
  switch (check.kind) {
    case "contains": {
      const haystack = reply.normalize("NFKC");
      const needle = check.value.normalize("NFKC");
      return {
        passed: check.caseSensitive ? haystack.includes(needle) : haystack.toLowerCase().includes(needle.toLowerCase()),
      };
    }
    case "regex": {
      let pattern: RegExp;
      try {
        pattern = new RegExp(check.pattern, check.flags);
      } catch {
        return { passed: false };
      }
      return { passed: pattern.test(reply) };
    }
    case "words": {
      const count = countWords(reply);
      return { passed: withinRange(count, check.min, check.max), count };
    }
    case "lines": {
      const count = countLines(reply);
      return { passed: withinRange(count, check.min, check.max), count };
    }
  }
}

/** What a try-it is graded by: its reply check, and optionally a prompt check for the mini model. */
export interface TryItChecks {
  check: TryItCheck;
  miniCheck?: TryItCheck | null;
}

export interface ExchangeResult extends TryItResult {
  /** What was checked: the reply, or (mini model with a prompt check) the student's prompt. */
  on: "reply" | "prompt";
}

/**
 * Grades one exchange. The offline mini model continues text; it cannot follow an instruction,
 * so a check on what it writes could never pass. Where the lesson's point is in what the student
 * writes, the try-it gives a `miniCheck` on the prompt, and the interface says so.
 */
export function gradeExchange(
  tryit: TryItChecks,
  exchange: { prompt: string; reply: string; provider: "mini" | "claude" },
): ExchangeResult {
  if (exchange.provider === "mini" && tryit.miniCheck) return { ...gradeTryIt(tryit.miniCheck, exchange.prompt), on: "prompt" };
  return { ...gradeTryIt(tryit.check, exchange.reply), on: "reply" };
}

function withinRange(count: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || count >= min) && (max === undefined || count <= max);
}

// Han (incl. 〇 and CJK extension blocks), Hiragana and Katakana: written without spaces, one
// character per "word". Hangul is spaced like Latin script and is counted by words.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const WORD_CHAR = String.raw`(?:(?![${CJK}])[\p{L}\p{N}\p{M}])`;
const WORD_PATTERN = new RegExp(String.raw`[${CJK}]|${WORD_CHAR}(?:${WORD_CHAR}|['’_.\-](?=${WORD_CHAR}))*`, "gu");

/** Words in a reply: Latin-script words plus one per CJK character; punctuation and emoji are not words. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD_PATTERN)) n++;
  return n;
}

/** Lines with something other than white space on them. */
export function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "").length;
}
