/**
 * Digits disguised in ways the shared folding (normalize-text.ts) leaves alone, undone before the
 * personal-data detectors run. Pure: no I/O.
 *
 * - Letters that look like digits inside a run of digits: "1З812345678" (Cyrillic Ze), "139О1234567"
 *   (Cyrillic or Latin O), "1З8123456I8" (I or l). Only inside a run that already holds five real
 *   digits and touches no other letter, so "IO", "O2", "lily0815" and "COVID-19" are left alone —
 *   or inside groups parted by a space, dash or dot that hold seven real digits together, each
 *   group with a digit of its own ("138 l234 5678", "o7700 9oo123": a red team, 7 December).
 * - Single digits spaced out with a spaced dash between groups: "1 3 8 - 1 2 3 4 - 5 6 7 8". The
 *   shared folding joins single digits only across one or two separator characters.
 * - Digit groups parted by punctuation no one puts inside a number, or by emoji: "138，1234，5678",
 *   "138、1234、5678", "138😀1234😀5678", "138|1234|5678", "一三八，一二三四，五六七八". Read as
 *   spaces only where the groups together have a phone's shape (phoneShaped), so "1,234,567",
 *   "3, 5, 7, 11" and "12+34=46" stay as they are.
 *
 * Each step maps every output character back to the original text, so findings are reported (and
 * redacted) as the student typed them.
 */
import { revealEncoded } from "./encoded-text";
import {
  CHINESE_DIGIT_CHARACTERS,
  chineseNumberValue,
  composeMapped,
  foldForPersonalData,
  replaceMapped,
  unfolded,
  type MappedText,
} from "./normalize-text";

const DIGIT_LOOK_ALIKES: Record<string, string> = { З: "3", з: "3", О: "0", о: "0", O: "0", o: "0", I: "1", l: "1" };
const LOOK_ALIKE_CLASS = Object.keys(DIGIT_LOOK_ALIKES).join("");
/**
 * Runs of digits and look-alikes touching no other letter or digit, alone or parted by a space,
 * a dash or a dot as a phone's groups are ("138 l234 5678"). Each group
 * starts with at most three look-alikes, so a long run of digits is read in one pass (a 4,000-digit
 * number must be screened quickly).
 */
const LOOK_ALIKE_GROUP = String.raw`[${LOOK_ALIKE_CLASS}]{0,3}[0-9][0-9${LOOK_ALIKE_CLASS}]*`;
const LOOK_ALIKE_GROUPS = new RegExp(String.raw`(?<![\p{L}\p{N}])${LOOK_ALIKE_GROUP}(?:[ \t.\-]{1,2}${LOOK_ALIKE_GROUP})*(?![\p{L}\p{N}])`, "gu");

/** Seven or more single digits, between which a short separator or a spaced dash. */
const SPACED_DASHED_DIGITS = /(?<![\d.,])\d(?:(?:[ \t]*[-–—][ \t]*|[ \t.\-_/·]{1,2})\d(?!\d)){6,}/g;

function undoDisguises(text: string): MappedText {
  const lookAlikes = replaceMapped(unfolded(text), LOOK_ALIKE_GROUPS, (m) => {
    const groups = m[0].split(/[ \t.-]+/);
    const digits = m[0].replace(/\D/g, "").length;
    const letters = m[0].replace(/[\d \t.-]/g, "").length;
    if (letters === 0 || digits < (groups.length > 1 ? 7 : 5)) return m[0];
    return m[0].replace(/[^\d \t.-]/g, (ch) => DIGIT_LOOK_ALIKES[ch] ?? ch);
  });
  return replaceMapped(lookAlikes, SPACED_DASHED_DIGITS, (m) => m[0].replace(/\D/g, ""));
}

// Read after the shared folding: full-width "，｜～＊＋＝" are ASCII by then, and variation
// selectors and joiners are gone, so an emoji is one pictograph (a skin tone aside).
const DIGIT_GROUP = String.raw`(?:[0-9]+|[${CHINESE_DIGIT_CHARACTERS}]+)`;
/** The ideographic comma (、), by code: Chinese in code lives in the catalogs and tables. */
const IDEOGRAPHIC_COMMA = String.fromCodePoint(0x3001);
const ODD_SEPARATOR = new RegExp(String.raw`[,${IDEOGRAPHIC_COMMA}|~*+=\p{Extended_Pictographic}\p{Emoji_Modifier}]`, "u");
const GROUP_SEPARATOR = String.raw`(?:[\s\-._/,${IDEOGRAPHIC_COMMA}|~*+=]|\p{Extended_Pictographic}|\p{Emoji_Modifier}){1,4}`;
/** Digit groups with separators between them; a chain starts after no digit, letter, dot or comma. */
const DIGIT_CHAIN = new RegExp(String.raw`(?<![0-9A-Za-z.,])${DIGIT_GROUP}(?:${GROUP_SEPARATOR}${DIGIT_GROUP})+`, "gu");
const GROUP_OR_SEPARATOR = new RegExp(String.raw`${DIGIT_GROUP}|${GROUP_SEPARATOR}`, "gu");

/**
 * A number no one writes except as a phone: a mainland mobile (86 before it or not), 0 and nine or
 * ten digits (UK, Taiwan and mainland numbers with their trunk 0), or after a "+" eight to fifteen
 * (E.164). A Hong Kong number is eight digits like any other; it counts after a keyword only.
 */
export function phoneShaped(digits: string, afterPlus: boolean): boolean {
  if (afterPlus) return digits.length >= 8 && digits.length <= 15;
  return (/^(?:86)?1[3-9]\d{9}$/.test(digits) && !/0{7}$/.test(digits)) || /^0\d{9,10}$/.test(digits);
}

/** "1,234,567" and "13,800,138,000": thousands, however many digits they add up to. */
const isThousands = (groups: readonly string[], separators: readonly string[]) =>
  separators.every((s) => /^,\s?$/.test(s)) && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/**
 * "138+1234=1372", "138*1234*5678 = ?", 计算138+1234+5678, "150+2000+3000": arithmetic, not a
 * number parted by its signs — an "=" or a question mark anywhere after, a word asking for a sum
 * before, or a round number among the terms.
 */
const SUM_ASKED_BEFORE = /(?:计算|算一下|算算|求和|what is|whats|what's|calculate|compute|work out|sum of|add up|solve)[\s:：]*$/i;
const isASum = (groups: readonly string[], separators: readonly string[], before: string, after: string) =>
  separators.some((s) => /[+*]/.test(s)) &&
  (separators.some((s) => s.includes("=")) || /^[^\n]*[=?？]|^\s*等于/.test(after) || SUM_ASKED_BEFORE.test(before) || groups.some((g) => /[1-9]0{2,}$/.test(g)));

/**
 * Groups parted by commas or 、 are a list unless each has a phone group's size: "138，1234，5678",
 * "07700，900123", not exam scores "138，120，95，110" (found by a review: 8–17 % of such lists
 * were blocked). The first group may be a country code ("44", "86").
 */
const LIST_COMMA = new RegExp(`[,${IDEOGRAPHIC_COMMA}]`);
const listLike = (groups: readonly string[], separators: readonly string[]) =>
  separators.some((s) => LIST_COMMA.test(s)) && groups.slice(1).some((g) => g.length < 3 || g.length > 6);

const digitsOfGroup = (group: string) => (/^\d+$/.test(group) ? group : (chineseNumberValue(group) ?? ""));

/** The shortest and longest phoneShaped accepts: sub-chains of more digits are not tried. */
const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

/**
 * Offsets (in `text`) of the separators and Chinese-numeral groups to rewrite: those inside a run
 * of groups with a phone's shape, parted by at least one odd separator (the others the detectors
 * read already). The run may be part of a longer chain ("我有3，138，1234，5678").
 */
function oddlySeparatedPhones(text: string): Map<number, string> {
  const edits = new Map<number, string>();
  for (const chain of text.matchAll(DIGIT_CHAIN)) {
    const tokens = [...chain[0].matchAll(GROUP_OR_SEPARATOR)].map((t) => ({ text: t[0], at: chain.index + t.index }));
    const groups = tokens.filter((_, k) => k % 2 === 0).map((g) => ({ ...g, digits: digitsOfGroup(g.text) }));
    const separators = tokens.filter((_, k) => k % 2 === 1).map((t) => ({ ...t, odd: ODD_SEPARATOR.test(t.text) }));
    for (let i = 0; i < groups.length; i++) {
      let digits = groups[i]!.digits;
      let odd = false;
      // an international "+" stands before the chain, not between its groups ("85 + 92 + 78" is a sum)
      const afterPlus = i === 0 && /\+\s?$/.test(text.slice(Math.max(0, chain.index - 2), chain.index));
      for (let j = i + 1; j < groups.length; j++) {
        digits += groups[j]!.digits;
        odd ||= separators[j - 1]!.odd;
        if (digits.length > MAX_PHONE_DIGITS) break;
        if (!odd || digits.length < MIN_PHONE_DIGITS || !phoneShaped(digits, afterPlus)) continue;
        const between = separators.slice(i, j).map((s) => s.text);
        const end = groups[j]!.at + groups[j]!.text.length;
        const texts = groups.slice(i, j + 1).map((g) => g.digits);
        const before = text.slice(Math.max(0, groups[i]!.at - 16), groups[i]!.at);
        if (isThousands(groups.slice(i, j + 1).map((g) => g.text), between) || isASum(texts, between, before, text.slice(end, end + 40)) || listLike(texts, between)) continue;
        for (const s of separators.slice(i, j)) edits.set(s.at, " ");
        for (const g of groups.slice(i, j + 1)) edits.set(g.at, g.digits);
        i = j;
        break;
      }
    }
  }
  return edits;
}

function joinOddlySeparatedPhones(mapped: MappedText): MappedText {
  const edits = oddlySeparatedPhones(mapped.text);
  if (edits.size === 0) return mapped;
  return replaceMapped(mapped, GROUP_OR_SEPARATOR, (m) => edits.get(m.index) ?? m[0]);
}

/**
 * The text the personal-data detectors read: base64 runs followed by what they say, disguised
 * digits undone, then the shared folding, then phones parted by odd separators.
 */
export function foldForScreening(text: string): MappedText {
  const revealed = revealEncoded(text);
  const undone = revealed ? composeMapped(revealed, undoDisguises(revealed.text)) : undoDisguises(text);
  const folded = composeMapped(undone, foldForPersonalData(undone.text));
  return composeMapped(folded, joinOddlySeparatedPhones(unfolded(folded.text)));
}
