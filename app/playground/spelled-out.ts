/**
 * A message spelled out letter by letter ("h o w t o k i l l m y s e l f", "m y d a d h i t s
 * m e", "i h a v e n t e a t e n i n 4 d a y s"): the crisis rules read words, and joining the
 * letters gives one long word they do not know. Here the letters are parted into words again, the
 * fewest words first, from a list of the words the rules are made of (a fifth red-team pass, 8
 * December). Pure; run only on a message with such a run; linear in its length.
 */
import { lettersForDigitsInWords } from "./normalize-text";

/** Six single Latin letters or digits or more, each followed by a space, dot, dash or underscore. */
const SPELLED_RUN = /(?<![\p{L}\p{N}])(?:[a-zA-Z0-9@$][\s.\-_]{1,2}){5,}[a-zA-Z0-9@$](?![\p{L}\p{N}])/gu;

export function hasSpelledOutRun(text: string): boolean {
  SPELLED_RUN.lastIndex = 0;
  return SPELLED_RUN.test(text);
}

const WORDS = new Set(
  `i im am a an and are at be been but can cant dad die dying do dont end ending ever even every feel for going gonna
  hang hanging hate have havent help how hurt hurting harm harming cut cuts cutting burn burned burning kill killing
  life live living me mom mum my myself self need never no not now of overdose pills pill please really she he so
  stepdad stepmom stepmum suicide suicidal tonight today to too touches touched touch hits hit beats beat want wanna
  wants will with without eat eaten eating ate days day starve starving food home alone again anymore any more just
  what way ways best it all pain tired in many much take took sleep forever nobody cares wish was were dead gone
  uncle brother someone he him his her makes made things dont like scared afraid night last jump bridge off rope
  pills knife blade wrist wrists arm arms thigh thighs deep is or than which better worse less painful should would`.split(/\s+/),
);
const LONGEST = Math.max(...[...WORDS].map((w) => w.length));

/**
 * The letters parted into words of the list, the fewest words first; null when a letter is left
 * over: a word spelled out for emphasis ("D I E T I N G", "D E L I V E R") is not a run of the
 * rules' words, and read as one it gave a card. A digit stands alone ("in 4 days").
 */
function parted(letters: string): string | null {
  const n = letters.length;
  // words[k]: the fewest words letters[k..] parts into (Infinity: it does not); next[k]: where the first ends
  const words = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  words[n] = 0;
  for (let k = n - 1; k >= 0; k--) {
    if (/[0-9]/.test(letters[k]!) && words[k + 1]! + 1 < words[k]!) {
      words[k] = words[k + 1]! + 1;
      next[k] = k + 1;
    }
    for (let len = 1; len <= LONGEST && k + len <= n; len++) {
      if (words[k + len]! + 1 < words[k]! && WORDS.has(letters.slice(k, k + len))) {
        words[k] = words[k + len]! + 1;
        next[k] = k + len;
      }
    }
  }
  if (words[0] === Infinity) return null;
  const out: string[] = [];
  for (let k = 0; k < n; k = next[k]!) out.push(letters.slice(k, next[k]!));
  return out.join(" ");
}

/**
 * The text with each spelled-out run parted into words; `digitsAsLetters` reads 0, 3, 4… as
 * letters first ("h 0 w t 0 …").
 */
export function respelled(text: string, digitsAsLetters = false): string {
  return text.replace(SPELLED_RUN, (run) => {
    let letters = run.replace(/[\s.\-_]/g, "").toLowerCase();
    if (digitsAsLetters) letters = lettersForDigitsInWords(letters);
    return parted(letters) ?? run;
  });
}
