/**
 * Words from a list in what a student types — a teacher's blocked topics, the flag lists — found
 * however they are disguised: leetspeak (g4mbl1ng), letters spaced or dotted out, emoji between
 * letters, a capital I for an l, base64, Traditional or full-width characters. Pure: no I/O.
 */
import { revealEncoded } from "./encoded-text";
import { composeMapped, foldForWords, matchesOf, originalSpan, replaceMapped, unfolded, type MappedText } from "./normalize-text";
import type { Finding } from "./screen-types";
import { remembering } from "~/utils/remembering";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Look-alikes a student types for a letter to slip a word past a filter: g4mbl1ng, we@p0n, $ex. */
const LEET: Record<string, string> = {
  a: "a4@", b: "b8", e: "e3", g: "g9", i: "i1!|", l: "l1|", o: "o0", s: "s5$", t: "t7",
};
/** Inside a word: "gam.bling", "gam-bling", "g_a_m_b", "gam*bling" (never an apostrophe: he'll ≠ hell). */
const IN_WORD_GAP = String.raw`[._\-*·~]`;
/**
 * Inside a word of six letters or more, a space too: "gamb ling". Not in shorter ones, which break
 * into everyday words ("he ll", "we ed").
 */
const LONG_WORD_GAP = String.raw`[ ._\-*·~]`;
const LONG_WORD = 6;
/** Every letter spaced out: "g a m b l i n g", "g . a . m". */
const SPACED_GAP = String.raw`[\s._\-*·~]{1,2}`;
const WORD_GAP = String.raw`[\s._\-*·~]*`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

function letterClass(ch: string): string {
  const alternatives = LEET[ch];
  return alternatives ? `[${escapeRegExp(alternatives)}]` : escapeRegExp(ch);
}

/**
 * A pattern for a term, matched against text folded by foldForWords (lower case, no accents,
 * full-width and look-alike letters as Latin, invisible characters gone). CJK terms match as
 * substrings (Chinese has no spaces between words), with spaces or dots between characters
 * tolerated; others as whole words, allowing an English plural ("weapon" catches "weapons"),
 * leetspeak, punctuation inside the word, or every letter spaced out.
 *
 * Every message (and every reply) is screened against the same lists, so each term's pattern is
 * compiled once, not per message (compiling was 4 % of the server's CPU per exchange in a
 * CPU profile); the terms are the built-in lists and the schools' blocked topics. Only used
 * through matchesOf, which leaves the shared pattern's lastIndex at 0.
 */
const termPattern = remembering(5_000, (term: string) => compileTermPattern(term, false));
/** A teacher's blocked topic: also in its other word forms (wordForms). */
export const topicPattern = remembering(5_000, (term: string) => compileTermPattern(term, true));

function compileTermPattern(term: string, forms: boolean): RegExp | null {
  const source = termSource(term, forms);
  if (!source) return null;
  if (source.cjk) return new RegExp(source.source, "giu");
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source.source})(?:s|es)?(?![\p{L}\p{N}])`, "giu");
}

/**
 * A term's pattern without its word boundaries, so a phrase rule can embed it and tolerate the
 * same disguises: CJK characters with gaps between them; Latin words with leetspeak, punctuation
 * inside, or every letter spaced out. `forms`: the last word in its other forms too (wordForms).
 */
export function termSource(term: string, forms = false): { source: string; cjk: boolean } | null {
  const folded = foldForWords(term).text.trim();
  const words = folded.split(/[\s\-_.]+/).filter(Boolean);
  if (words.length === 0) return null;
  if (CJK.test(folded)) {
    const chars = [...words.join("")].map(escapeRegExp);
    return { source: chars.join(String.raw`[\s._\-*·~]{0,2}`), cjk: true };
  }
  const tightWord = (w: string) => [...w].map(letterClass).join(`${w.length >= LONG_WORD ? LONG_WORD_GAP : IN_WORD_GAP}?`);
  const last = words.at(-1)!;
  const lastForms = forms ? wordForms(last) : null;
  const tightLast = lastForms ? `${tightWord(last)}|${lastForms}` : tightWord(last);
  const tight = [...words.slice(0, -1).map(tightWord), `(?:${tightLast})`].join(WORD_GAP);
  const spaced = words.map((w) => [...w].map(letterClass).join(SPACED_GAP)).join(SPACED_GAP);
  return { source: `${tight}|${spaced}`, cjk: false };
}

/**
 * A blocked word's other forms, from its stem: "gambling" and "gamble" block "gambler(s)" and
 * "gambling" anywhere, and "gamble", "gambles", "gambled" where they are a verb — after a subject,
 * "want to"/"how to" or a helping verb ("i gamble", "how to vape", "he gambled"), or as the whole
 * message ("vapes"). "up to date", "the fossil was dated" and "Games in Rome were brutal" pass. The stem must be
 * followed by one of these endings, so "vapor", "gambit" and "evaporate" pass. The bare word and
 * its -s are nouns elsewhere, and a school that blocks "dating" or "gaming" does not mean "what
 * date is it", "the dates of the exams" or "what games did the Romans play" ("it's a gamble",
 * "buy a vape" pass too). A doubled consonant is left alone ("betting" would make "better").
 */
function wordForms(word: string): string | null {
  const stem = /^([a-z]{3,})(?:ing|e)$/.exec(word)?.[1];
  if (!stem || /([b-df-hj-np-tv-z])\1$/.test(stem)) return null;
  const gap = `${IN_WORD_GAP}?`;
  const letters = (w: string) => [...w].map(letterClass).join(gap);
  const anywhere = ["ing", "ers", "er"].map(letters).join("|");
  // "to" only after a word that wants a verb: "up to date", "the best model to date" are not verbs
  const asVerb = String.raw`(?<=(?<![\p{L}\p{N}])(?:(?:want|wanna|how|going|like|try|trying|need|love|hate|start|started|learn|learning|where|allowed|able|used|wants|wanted)\s{1,3}to|i|we|you|u|they|he|she|dont|don't|didnt|didn't|do|does|did|can|cant|can't|will|wont|won't|would|should|could|wanna|gonna|lets|let's|never|always|often|sometimes|also|not|kids|people|teens)\s{1,3})`;
  const verbEndings = [letters("es"), letterClass("s"), letters("ed")].join("|");
  // the bare word alone is the whole message ("vape", "gamble?")
  const alone = String.raw`(?<=^\s*)${letters(stem)}(?:${gap}${letterClass("e")})?(?:${gap}(?:${letters("es")}|${letterClass("s")}))?(?=[\s.!?。！？]*$)`;
  return String.raw`${letters(stem)}${gap}(?:${anywhere})|${asVerb}${letters(stem)}(?:${gap}${letterClass("e")})?(?:${gap}(?:${verbEndings}))?|${alone}`;
}

/**
 * The text the word lists read: base64 runs followed by what they say (encoded-text.ts), a
 * capital I after a small letter as the l it stands for ("gambIing"; "AI" and "Im" keep theirs),
 * folded for words.
 */
export function foldForWordLists(text: string): MappedText {
  const revealed = revealEncoded(text);
  const source = revealed ?? unfolded(text);
  const lettered = replaceMapped(source, CAPITAL_I_FOR_L, (m) => "l".repeat(m[0].length));
  const read = /\p{Extended_Pictographic}/u.test(lettered.text) ? withoutEmojiInWords(lettered) : lettered;
  return composeMapped(read, foldForWords(read.text));
}

/** The look-alike crisis detection folds too (foldLookalikeLetters in normalize-text.ts). */
const CAPITAL_I_FOR_L = /(?<=\p{Ll})I+/gu;

/** Emoji a student writes for the character of a Chinese word: 电子🚬, 啤🍺, 炸💣. */
const HAN_FOR_EMOJI: Record<string, string> = {
  "🚬": "烟", "🍺": "酒", "🍻": "酒", "🍷": "酒", "🍶": "酒", "🥃": "酒", "🔫": "枪", "💊": "药", "💣": "弹", "🔪": "刀",
};
const EMOJI_BESIDE_HAN = new RegExp(String.raw`(?<=\p{Script=Han})[${Object.keys(HAN_FOR_EMOJI).join("")}]|[${Object.keys(HAN_FOR_EMOJI).join("")}](?=\p{Script=Han})`, "gu");
/**
 * Emoji (with their skin tones) dropped between the letters of a word, or between two words:
 * "g🎲a🎲m🎲b🎲l🎲i🎲n🎲g", 赌😀博, "video 😀 games". Elsewhere ("I love gaming 🎮") they stay.
 */
const EMOJI_IN_WORDS = /(?<=[\p{L}\p{N}]\s?)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)+(?=\s?[\p{L}\p{N}])/gu;

/** The emoji in a word read: as the Chinese character they stand for, or as nothing. */
function withoutEmojiInWords(mapped: MappedText): MappedText {
  const rebus = replaceMapped(mapped, EMOJI_BESIDE_HAN, (m) => HAN_FOR_EMOJI[m[0]] ?? m[0]);
  return replaceMapped(rebus, EMOJI_IN_WORDS, () => "");
}

/**
 * `mapped`: the text already folded by foldForWordLists, when the caller reads it for several
 * lists; `patternOf`: topicPattern for a teacher's blocked topics.
 */
export function findTerms(
  text: string,
  terms: readonly string[],
  mapped = foldForWordLists(text),
  patternOf = termPattern,
): { term: string; match: string; index: number }[] {
  const found = [];
  for (const term of terms) {
    const pattern = patternOf(term);
    if (!pattern) continue;
    for (const m of matchesOf(mapped.text, pattern)) {
      const [start, end] = originalSpan(mapped, m.index, m.index + m[0].length);
      found.push({ term: term.trim(), match: text.slice(start, end), index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export function findBlockedTopics(text: string, blockedTopics: readonly string[]): Finding[] {
  return findTerms(text, blockedTopics, foldForWordLists(text), topicPattern).map(({ term, match, index }) => ({
    kind: "blocked_topic",
    match,
    index,
    term,
  }));
}

