/**
 * Folds text into the shape the screens match against, remembering where every folded character
 * came from, so a finding in the folded text is reported (and redacted) as the student typed it.
 * Pure: no I/O.
 *
 * Why: a screen that matches raw text is walked around by full-width digits (１３８…), other
 * scripts' digits (١٣٨…), Chinese numerals (一三八…), zero-width characters, dots and spaced-out
 * digits. Folding first lets each detector stay one readable pattern.
 */
import traditionalToSimplified from "opencc-js/dict/TSCharacters";

/** Folded text; `from[i]`/`to[i]` are the original [start, end) of folded UTF-16 unit i. */
export interface MappedText {
  text: string;
  from: number[];
  to: number[];
}

/** `text` mapped to itself, one unit for one. */
export function unfolded(text: string): MappedText {
  const units = Array.from({ length: text.length }, (_, i) => i);
  return { text, from: units, to: units.map((i) => i + 1) };
}

/** `outer` maps into `inner.text`, which maps into the original: map `outer` straight to the original. */
export function composeMapped(inner: MappedText, outer: MappedText): MappedText {
  const end = inner.text.length;
  return {
    text: outer.text,
    from: outer.from.map((i) => (i < end ? inner.from[i]! : (inner.to.at(-1) ?? 0))),
    to: outer.to.map((i) => (i > 0 ? inner.to[i - 1]! : (inner.from[0] ?? 0))),
  };
}

/** The original [start, end) of folded span [start, end). */
export function originalSpan(mapped: MappedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < mapped.from.length ? mapped.from[start]! : (mapped.to.at(-1) ?? 0);
    return [at, at];
  }
  return [mapped.from[start]!, mapped.to[end - 1]!];
}

/**
 * Every match of a global expression, as `text.matchAll(rule)` gives them. The screens run several
 * hundred shared expressions over each message and almost none match; matchAll copies its
 * expression before it looks, so one test on the shared expression first answers those without
 * a copy (the outgoing screen of "hi": 221 → 37 µs). lastIndex is left at 0, as the copies left it.
 */
export function matchesOf(text: string, rule: RegExp): Iterable<RegExpExecArray> {
  rule.lastIndex = 0;
  const any = rule.test(text);
  rule.lastIndex = 0;
  return any ? text.matchAll(rule) : NO_MATCHES;
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * Replaces every match of `pattern` (global) with `replace(match)`; each replacement character
 * maps to the whole original span of the match.
 */
export function replaceMapped(
  mapped: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): MappedText {
  const out: MappedText = { text: "", from: [], to: [] };
  let at = 0;
  const push = (s: number, e: number) => {
    out.text += mapped.text.slice(s, e);
    for (let i = s; i < e; i++) {
      out.from.push(mapped.from[i]!);
      out.to.push(mapped.to[i]!);
    }
  };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(mapped.text); m; m = pattern.exec(mapped.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const replacement = replace(m);
    push(at, m.index);
    const [start, end] = originalSpan(mapped, m.index, m.index + m[0].length);
    if (replacement === m[0]) {
      push(m.index, m.index + m[0].length);
    } else {
      out.text += replacement;
      for (let i = 0; i < replacement.length; i++) {
        out.from.push(start);
        out.to.push(end);
      }
    }
    at = m.index + m[0].length;
  }
  push(at, mapped.text.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * Invisible characters a student can hide inside a number or a word: format characters (zero-width
 * space and joiners, soft hyphen, bidi marks…), variation selectors, the combining grapheme
 * joiner, the Hangul fillers that render as nothing, and the keycap around a digit emoji (U+20E3:
 * 0️⃣7️⃣… — the digit is what it says).
 */
// eslint-disable-next-line no-misleading-character-class -- each joiner and selector is matched alone, on purpose
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180D\u20E3\u3164\uFE00-\uFE0F\uFFA0]/u;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u30FC]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits 0–9 as one
 * contiguous run (a stability guarantee), so a digit's value is its distance from the start of
 * its run, modulo 10 (some runs hold several sets back to back).
 */
export function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  let steps = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    steps += 1;
  }
  return steps % 10;
}

/**
 * NFKC per character, decimal digits of any script to ASCII, dashes to "-", invisibles removed;
 * `extra` folds what is left (only foldForWords passes one, which the cache below relies on).
 */
function foldCharacters(text: string, extra?: (ch: string) => string): MappedText {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const cp of text) {
    const start = i;
    i += cp.length;
    const code = cp.codePointAt(0)!;
    // Fast path: printable ASCII and CJK unified ideographs fold to themselves (the screen runs on
    // every request, over the whole conversation, before the first token).
    if ((code >= 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff) || code === 0x0a) {
      chars.push(extra ? extra(cp) : cp);
      from.push(start);
      to.push(i);
      continue;
    }
    const cache = extra ? WORD_FOLDS : PLAIN_FOLDS;
    let folded = cache.get(cp);
    if (folded === undefined) {
      folded = foldCodePoint(cp, extra);
      if (cache.size >= FOLD_CACHE_SIZE) cache.clear();
      cache.set(cp, folded);
    }
    for (let k = 0; k < folded.length; k++) {
      chars.push(folded[k]!);
      from.push(start);
      to.push(i);
    }
  }
  return { text: chars.join(""), from, to };
}

function foldCodePoint(cp: string, extra?: (ch: string) => string): string {
  if (INVISIBLE.test(cp)) return "";
  let out = "";
  for (const ch of cp.normalize("NFKC")) {
    if (INVISIBLE.test(ch)) continue;
    if (/[0-9]/.test(ch)) out += ch;
    else if (DECIMAL_DIGIT.test(ch)) out += String(digitValue(ch));
    else if (DASHES.test(ch)) out += "-";
    else out += extra ? extra(ch) : ch;
  }
  return out;
}

/**
 * Folds of the characters outside the fast path, remembered (a few thousand distinct characters
 * cover any real text; the cache is emptied when it grows past that).
 */
const FOLD_CACHE_SIZE = 4096;
const PLAIN_FOLDS = new Map<string, string>();
const WORD_FOLDS = new Map<string, string>();

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, "○": 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3, 叄: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const RUN_DIGITS = "零〇○一壹幺二贰貳两兩三叁參叄四肆五伍六陆陸七柒八捌九玖";
/** The characters chineseNumberValue reads as single digits, for a character class. */
export const CHINESE_DIGIT_CHARACTERS = RUN_DIGITS;

/**
 * A run of at least four digits, Chinese or Arabic, possibly spaced or dotted, with at least one
 * Chinese numeral: "一三八零零一三八零零零", "138 零零13 八000". Shorter runs stay as they are so
 * everyday words (一个, 三四天, 第二课) are not turned into numbers.
 */
const DIGIT_RUN = new RegExp(
  String.raw`[0-9${RUN_DIGITS}](?:[\s\-._/·]{0,2}[0-9${RUN_DIGITS}]){3,}`,
  "gu",
);

/**
 * Chinese numerals at the very start or end of a message (spaces and punctuation aside) as ASCII
 * digits, one for one, however few: "我的手机号是一三八" + "一二三四五六七八" is a phone number split
 * over two messages, though 一三八 alone is too short to read as digits (DIGIT_RUN). Only for the
 * joints between messages (screen-context.ts): there, only whole phone and ID shapes count.
 */
export function foldNumeralsAtEdges(text: string): string {
  const digit = (run: string) => [...run].map((c) => String(CHINESE_DIGITS[c] ?? c)).join("");
  return text
    .replace(new RegExp(String.raw`^([\s\p{P}]*)([${RUN_DIGITS}]+)`, "u"), (_m, lead: string, run: string) => lead + digit(run))
    .replace(new RegExp(String.raw`([${RUN_DIGITS}]+)([\s\p{P}]*)$`, "u"), (_m, run: string, trail: string) => digit(run) + trail);
}

/**
 * A Chinese number right before a unit of an address: 三组, 五号楼, 二单元, 一百二十三号, 三零一室.
 * Roads (一路, 中山一路) are names, not numbers, and are left alone.
 */
const ADDRESS_NUMBER = new RegExp(
  String.raw`[${RUN_DIGITS}十拾百佰千仟]+(?=\s*(?:组|組|队|隊|社|栋|棟|幢|座|号|號|楼|樓|单元|單元|室|弄|巷|房|户|戶|层|層))`,
  "gu",
);

/** "一百二十三" → "123", "三零一" → "301", "十五" → "15"; null if it is not a number. */
export function chineseNumberValue(numeral: string): string | null {
  const chars = [...numeral];
  if (chars.every((c) => c in CHINESE_DIGITS)) return chars.map((c) => CHINESE_DIGITS[c]).join("");
  let total = 0;
  let pending: number | null = null;
  for (const c of chars) {
    if (c in CHINESE_DIGITS) {
      pending = CHINESE_DIGITS[c]!;
    } else if (c in CHINESE_UNITS) {
      total += (pending ?? 1) * CHINESE_UNITS[c]!;
      pending = null;
    } else {
      return null;
    }
  }
  return String(total + (pending ?? 0));
}

function foldChineseNumerals(mapped: MappedText): MappedText {
  const runs = replaceMapped(mapped, DIGIT_RUN, (m) =>
    // eslint-disable-next-line no-control-regex -- "not ASCII" spelled as a range from NUL
    /[^\x00-\x7F]/.test(m[0]) ? [...m[0]].map((c) => (c in CHINESE_DIGITS ? String(CHINESE_DIGITS[c]) : c)).join("") : m[0],
  );
  return replaceMapped(runs, ADDRESS_NUMBER, (m) => chineseNumberValue(m[0]) ?? m[0]);
}

// ---------------------------------------------------------------------------------------------
// Separators

/**
 * Digits typed one by one with a separator between each: "1 3 8 0 0 1 3 8 0 0 0", "1.3.8.0…".
 * Four single digits or more are joined up; shorter lists ("1, 2 and 3") are left alone.
 */
const SPACED_DIGITS = /(?<![\d.,])\d(?:[ \t.\-_/·]{1,2}\d(?!\d)){3,}/g;

function joinSpacedDigits(mapped: MappedText): MappedText {
  return replaceMapped(mapped, SPACED_DIGITS, (m) => m[0].replace(/\D/g, ""));
}

/** The text personal-data detectors read: every kind of digit as ASCII, nothing invisible. */
export function foldForPersonalData(text: string): MappedText {
  return joinSpacedDigits(foldChineseNumerals(foldCharacters(text)));
}

// ---------------------------------------------------------------------------------------------
// Words (blocked topics)

/** Letters from other scripts that look like Latin ones (Cyrillic, Greek). */
const CONFUSABLES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y",
  х: "x", ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", ɡ: "g", ԛ: "q", ԝ: "w", ʏ: "y", ɪ: "i",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u",
  χ: "x", ω: "w", ς: "s", ℓ: "l", ı: "i",
  // small capitals, which Unicode does not fold to letters ("i want to ᴅɪᴇ")
  ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e", ꜰ: "f", ɢ: "g", ʜ: "h", ᴊ: "j", ᴋ: "k", ʟ: "l", ᴍ: "m",
  ɴ: "n", ᴏ: "o", ᴘ: "p", ʀ: "r", ꜱ: "s", ᴛ: "t", ᴜ: "u", ᴠ: "v", ᴡ: "w", ᴢ: "z",
};

/**
 * Letters disguised as other letters, folded for word rules that read plain text rather than a
 * mapped one (crisis detection): a capital I right after a small letter is an l ("kiII" → "kill";
 * a word that starts with I, like "Im" or "AI", is left alone), "!" and "|" between two letters
 * are an i and an l ("d!e", "k|ll"), and Cyrillic and Greek look-alikes and the dotless ı are
 * Latin. Case is otherwise kept; the caller lowers it.
 */
export function foldLookalikeLetters(text: string): string {
  const s = text
    .replace(/(?<=\p{Ll})I+/gu, (run) => "l".repeat(run.length))
    .replace(/(?<=[a-zA-Z\u00C0-\u024F\u0370-\u04FF])[!|](?=[a-zA-Z\u00C0-\u024F\u0370-\u04FF])/gu, (c) => (c === "!" ? "i" : "l"));
  return [...s].map((ch) => CONFUSABLES[ch] ?? CONFUSABLES[ch.toLowerCase()] ?? ch).join("");
}

/**
 * Traditional characters to Simplified, one character for one (opencc's character table, about
 * 4,000 entries; its first choice where there are several): a teacher who blocks 赌博 also
 * blocks 賭博, and the other way round. Words, not phrases, so the table is enough.
 */
let simplified: Map<string, string> | null = null;
function simplifiedOf(ch: string): string | undefined {
  if (!simplified) {
    simplified = new Map();
    for (const entry of traditionalToSimplified.split("|")) {
      const [from, to] = entry.split(" ");
      if (from && to && from !== to) simplified.set(from, to);
    }
  }
  return simplified.get(ch);
}

/**
 * Which way a Han character leans: "traditional" when only Traditional writing uses it (們, 這,
 * 殺), "simplified" when it is the Simplified form of a Traditional one (们, 这, 杀 — and a few
 * that Traditional writing uses too, such as 台 and 里, which a message's other characters
 * outvote), "either" for the rest (我, 想, 死).
 */
export function hanScriptOf(ch: string): "traditional" | "simplified" | "either" {
  if (simplifiedOf(ch) !== undefined) return "traditional";
  simplifiedForms ??= new Set(simplified!.values());
  return simplifiedForms.has(ch) ? "simplified" : "either";
}
let simplifiedForms: Set<string> | null = null;

/**
 * Lower case, no accents, look-alike letters as Latin, Traditional Chinese as Simplified;
 * length-preserving where it can be.
 */
export function foldForWords(text: string): MappedText {
  return foldCharacters(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x7f) return ch.toLowerCase();
    const chinese = simplifiedOf(ch);
    if (chinese) return chinese;
    if (code >= 0x4e00 && code <= 0x9fff) return ch;
    const lower = ch.toLowerCase();
    const plain = lower.normalize("NFD").replace(/\p{M}/gu, "");
    return CONFUSABLES[plain] ?? plain;
  });
}

/** Digits and symbols that stand for letters ("k1ll", "su1c1de", "$elf", "ign0re"). */
const LETTER_FOR: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/**
 * Look-alike digits and symbols inside a word of small letters, as letters, one for one ("ign0re"
 * → "ignore"); a word with no letter ("2024", "$$$") is left as it is. Each run is read once: a
 * pattern that required a letter inside the run retried every start of a long run with none
 * ("$$$…": quadratic, a security pass, 7 December).
 */
export function lettersForDigitsInWords(text: string): string {
  return text.replace(/[a-z0-9@$]+/g, (word) => (/[0-9@$]/.test(word) && /[a-z]/.test(word) ? word.replace(/[013457@$]/g, (c) => LETTER_FOR[c] ?? c) : word));
}

/** The same for a folded text, where each character keeps its place. */
export function lettersForDigitsInMapped(mapped: MappedText): MappedText {
  const text = lettersForDigitsInWords(mapped.text);
  return text === mapped.text ? mapped : { ...mapped, text };
}

const SENTENCE_END = /[.!?。！？\n]/;

/**
 * How far the sentence around a span is read each way. A text with no full stops (a pasted list,
 * a long rant) is one sentence: walked to its ends for every match, a 60,000-character message
 * took seconds to screen.
 */
const SENTENCE_REACH = 200;

/** The sentence around a span: walked to its ends, at most SENTENCE_REACH characters each way. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  const fromLimit = Math.max(0, start - SENTENCE_REACH);
  while (from > fromLimit && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + SENTENCE_REACH);
  while (to < toLimit && !SENTENCE_END.test(text[to]!)) to++;
  return text.slice(from, to);
}
