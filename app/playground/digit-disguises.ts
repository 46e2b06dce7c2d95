/**
 * Digits disguised in ways the shared folding (normalize-text.ts) leaves alone, undone before the
 * personal-data detectors run. Pure: no I/O.
 *
 * - Letters that look like digits inside a run of digits: "1З812345678" (Cyrillic Ze), "139О1234567"
 *   (Cyrillic or Latin O), "1З8123456I8" (I or l). Only inside a run that already holds five real
 *   digits and touches no other letter, so "IO", "O2", "lily0815" and "COVID-19" are left alone.
 * - Single digits spaced out with a spaced dash between groups: "1 3 8 - 1 2 3 4 - 5 6 7 8". The
 *   shared folding joins single digits only across one or two separator characters.
 *
 * Each step maps every output character back to the original text, so findings are reported (and
 * redacted) as the student typed them.
 */
import { revealEncoded } from "./encoded-text";
import { composeMapped, foldForPersonalData, replaceMapped, unfolded, type MappedText } from "./normalize-text";

const DIGIT_LOOK_ALIKES: Record<string, string> = { З: "3", з: "3", О: "0", о: "0", O: "0", o: "0", I: "1", l: "1" };
const LOOK_ALIKE_CLASS = Object.keys(DIGIT_LOOK_ALIKES).join("");
/** A run of digits and look-alikes, not touching any other letter or digit. */
const LOOK_ALIKE_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[0-9${LOOK_ALIKE_CLASS}]*[0-9][0-9${LOOK_ALIKE_CLASS}]*(?![\p{L}\p{N}])`,
  "gu",
);

/** Seven or more single digits, between which a short separator or a spaced dash. */
const SPACED_DASHED_DIGITS = /(?<![\d.,])\d(?:(?:[ \t]*[-–—][ \t]*|[ \t.\-_/·]{1,2})\d(?!\d)){6,}/g;

function undoDisguises(text: string): MappedText {
  const lookAlikes = replaceMapped(unfolded(text), LOOK_ALIKE_RUN, (m) => {
    const digits = m[0].replace(/\D/g, "").length;
    if (digits === m[0].length || digits < 5) return m[0];
    return m[0].replace(/\D/g, (ch) => DIGIT_LOOK_ALIKES[ch] ?? ch);
  });
  return replaceMapped(lookAlikes, SPACED_DASHED_DIGITS, (m) => m[0].replace(/\D/g, ""));
}

/**
 * The text the personal-data detectors read: base64 runs followed by what they say, disguised
 * digits undone, then the shared folding.
 */
export function foldForScreening(text: string): MappedText {
  const revealed = revealEncoded(text);
  const undone = revealed ? composeMapped(revealed, undoDisguises(revealed.text)) : undoDisguises(text);
  return composeMapped(undone, foldForPersonalData(undone.text));
}
