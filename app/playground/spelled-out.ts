/**
 * A message spelled out letter by letter ("h o w t o k i l l m y s e l f", "m y d a d h i t s
 * m e", "i h a v e n t e a t e n i n 4 d a y s"): the crisis rules read words, and joining the
 * letters gives one long word they do not know. Here the letters are parted into words again, by
 * the fewest letters left over and then the fewest words, from a list of the words the rules are
 * made of (a fifth red-team pass, 8 December). Pure; run only on a message with such a run.
 */

/** Six single letters or digits or more, each followed by a space, dot, dash or underscore. */
const SPELLED_RUN = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@$][\s.\-_]{1,2}){5,}[\p{L}\p{N}@$](?![\p{L}\p{N}])/gu;

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

/** The letters parted into words of the list, the fewest letters left over first. */
function parted(letters: string): string {
  const n = letters.length;
  // best[k]: the cheapest parting of letters[k..]: [cost, words]; a letter left over costs 10, a word 1
  const best: [number, string[]][] = Array.from({ length: n + 1 }, () => [Infinity, []]);
  best[n] = [0, []];
  for (let k = n - 1; k >= 0; k--) {
    const alone = best[k + 1]!;
    best[k] = [alone[0] + 10, [letters[k]!, ...alone[1]]];
    for (let len = 1; len <= LONGEST && k + len <= n; len++) {
      const word = letters.slice(k, k + len);
      if (!WORDS.has(word)) continue;
      const rest = best[k + len]!;
      if (rest[0] + 1 < best[k]![0]) best[k] = [rest[0] + 1, [word, ...rest[1]]];
    }
  }
  return best[0]![1].join(" ");
}

const LETTER_FOR_DIGIT: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/**
 * The text with each spelled-out run parted into words; `digitsAsLetters` reads 0, 3, 4… as
 * letters first ("h 0 w t 0 …").
 */
export function respelled(text: string, digitsAsLetters = false): string {
  return text.replace(SPELLED_RUN, (run) => {
    let letters = run.replace(/[\s.\-_]/g, "").toLowerCase();
    if (digitsAsLetters) letters = letters.replace(/[013457@$]/g, (c) => LETTER_FOR_DIGIT[c] ?? c);
    return parted(letters);
  });
}
