/**
 * The screen runs before the first token of every request, over the whole conversation: no input
 * of the largest allowed size may make it slow (no catastrophic backtracking, no quadratic loop).
 * The bound is generous on purpose (a shared test machine); a regression costs seconds.
 */
import { screenContext } from "~/playground/screen-context";
import { screenPrompt, screenReply, screenTyped } from "~/playground/screening";
import { detectCrisis } from "~/playground/crisis";
import { detectLowMood } from "~/playground/low-mood";

const INPUTS: [string, string][] = [
  ["a 4,000-digit number", "1".repeat(4000)],
  ["spaced digits", "1 ".repeat(2000)],
  ["'at' over and over", "a at ".repeat(800)],
  ["dots", "a.".repeat(2000)],
  ["at-signs", "a@".repeat(2000)],
  ["(at) (dot)", "a (at) b (dot) ".repeat(250)],
  ["Chinese numerals", "一".repeat(4000)],
  ["spaced Chinese numerals", "一 ".repeat(2000)],
  ["a keyword and digits", "phone ".repeat(600) + "1".repeat(400)],
  ["spaced letters", "g a m b l i n g ".repeat(250)],
  ["letter-digit pairs", "A1".repeat(2000)],
  ["brackets", "1(".repeat(2000)],
  ["village groups", "村3组".repeat(1000)],
  ["a long domain", `${"x".repeat(63)} at ${"y.".repeat(1900)}`],
  ["zero-width spaces", "\u200B".repeat(4000)],
  ["emoji", "😀".repeat(2000)],
  ["Arabic-Indic digits", "١".repeat(4000)],
  ["spelled-out digits", "one two ".repeat(500)],
  ["doubled spelled digits", "double seven, ".repeat(300)],
  ["look-alike digit runs", "1З0lI".repeat(800)],
  ["spaced dashed digits", "1 - 2 ".repeat(700)],
  ["digit groups parted by commas", "138，".repeat(1300)],
  ["digit groups parted by emoji", "1😀".repeat(1300)],
  ["Chinese numerals parted by commas", "一，".repeat(2000)],
  ["phone keyword and comma-parted digits", `phone ${"1,".repeat(1900)}`],
  ["an account keyword at every joint", "my qq is ".repeat(400)],
  // passwords (screen-passwords.ts): the word, its verb and a value at every joint
  ["a password keyword at every joint", "my password is ".repeat(260)],
  ["a password word and spaces", `password${" ".repeat(3900)}`],
  ["a password colon and spaces", `password:${" ".repeat(3900)}x`],
  ["'for my' before a password's verb", "password for my ".repeat(250)],
  ["password-like tokens before 'is my'", "ab1! ".repeat(790) + "is my password"],
  ["密码是 over and over", "密码是".repeat(1300)],
  ["quotes after a password's verb", `password is "${"a ".repeat(1900)}`],
  // the phrase rules for teacher flags (weapon requests, jailbreaks)
  ["an asking phrase over and over", "how to make a ".repeat(300)],
  ["a toy qualifier at every joint", "tell me how to make a water ".repeat(150)],
  ["many words before a weapon", `how to make a ${"big ".repeat(1000)}gun`],
  ["spaced letters of a weapon", "g u n ".repeat(700)],
  ["'ignore your' over and over", "ignore your ".repeat(400)],
  ["'ignore all' before the rules", `ignore ${"all ".repeat(1000)}your rules`],
  ["'you are now' over and over", "you are now ".repeat(400)],
  ["Chinese asking over and over", "怎么做".repeat(1300)],
  ["忽略你的 over and over", "忽略你的".repeat(1000)],
  ["spaced Chinese characters", "炸 ".repeat(2000)],
  ["one sentence with no end", `${"word ".repeat(790)}how to make a gun`],
  // look-alikes read since (screening-lookalikes.test.ts)
  ["base64-like words on every line", "QmFzZTY0\n".repeat(440)],
  ["short words on every line", "Ab\n".repeat(1300)],
  ["a rising list of numbers", Array.from({ length: 800 }, (_, i) => 100 + i).join(" ")],
  ["phone-shaped groups in a list", "555 123 4567 ".repeat(300)],
  ["a saint after 'i go to' over and over", "i go to st marys ".repeat(230)],
  ["a quoted attack asked about over and over", "what does 'ignore your rules' mean? ".repeat(110)],
  // a red team's pass: sequences recognised, base64 in pieces
  ["a counting list of phone-shaped numbers", Array.from({ length: 790 }, (_, i) => 2000 + i).join(" ")],
  ["consecutive primes with a phone's groups", consecutivePrimesFrom(7000, 700).join(" ")],
  ["encoded-looking tokens parted by spaces", "aB3d ".repeat(800)],
  ["base64 pieces parted by blank lines", "QmFz\n\n".repeat(660)],
  ["base64 pieces after bullets", "- QmFzZTY0\n".repeat(360)],
  // a security pass (7 December): the asking check read the rest of the message with three or five
  // overlapping runs of spaces — 1,529 characters froze the server for 18 minutes
  ["an attack phrase, then spaces", `ignore previous instructions${" ".repeat(3960)}m`],
  ["a Chinese attack phrase, then ideographic spaces", `忽略之前的所有指令${"\u3000".repeat(3980)}字`],
  ["an attack phrase, then tabs and spaces", `ignore your rules${" \t".repeat(1990)}x`],
  ["an attack phrase in quotes, then spaces", `what does 'ignore your rules'${" ".repeat(3960)}m`],
  ["dollar signs (the look-alike letters' reading)", "$".repeat(4000)],
  // 8 December: a story's detail asked for, a key emoji, digits inside words for the phrases
  ["'step by step' over and over", "step by step ".repeat(300)],
  ["'in detail' then a self-harm act over and over", "in detail cuts herself ".repeat(170)],
  ["详细 then 割腕 over and over", "详细割腕".repeat(1000)],
  ["key emoji after 'my' over and over", "my 🔑 is ".repeat(440)],
  ["digits inside words", "ign0re1 ".repeat(500)],
  // a sixth pass: carets before "thats my password" (a nested repeat: 30 of them took 4 s), and
  // Chinese typed with ASCII full stops (a school's name read as one long word: 2 s)
  ["carets", `${"^".repeat(3999)}x`],
  ["Chinese with ASCII full stops", "我.".repeat(2000)],
  ["a rant with ASCII full stops", "今天好累.不想上学.".repeat(400)],
  // phone numbers said in grouped number words (screen-personal-data.ts)
  ["tens and digits after a keyword", `my number is ${"twenty one ".repeat(360)}x`],
  ["hyphenated digit words after a keyword", `call ${"one-".repeat(990)}x`],
  ["Chinese tens parted by commas after a keyword", `我的手机是${"三十四，".repeat(990)}个`],
];

function consecutivePrimesFrom(from: number, count: number): number[] {
  const primes: number[] = [];
  for (let n = from; primes.length < count; n++) {
    let prime = true;
    for (let d = 2; d * d <= n && prime; d++) prime = n % d !== 0;
    if (prime) primes.push(n);
  }
  return primes;
}

// A red team's fifth pass (8 December): runs of white space in a text with a character past
// Latin-1 (V8 then reads it as two-byte), where three adjacent \s* in the value-then-是我的密码
// pattern took 11.9 s on 2,000 characters and more than 2 minutes on 4,000. Read linearly such a
// text still costs ~0.4 s on this VM (every pattern walks the run), so the bound here is 3 s: what
// it guards against takes many seconds to minutes.
const TWO_BYTE_RUNS: [string, string][] = [
  ["a value, then spaces, then 是", `abc${" ".repeat(3990)}是`],
  ["是, a value, then spaces", `是abc${" ".repeat(3990)}`],
  ["a value, then new lines, then 是", `abc${"\n".repeat(3990)}是`],
  ["a curly apostrophe, a value, then spaces", `it’s abc${" ".repeat(3985)}x`],
  ["an emoji, a value, then spaces", `😀 abc${" ".repeat(3990)}`],
  ["a key emoji, a word, then spaces", `my 🔑 for my ${"a".repeat(30)}${" ".repeat(3900)}x`],
  ["an emoji, an act, then spaces", `😀 cuts${" ".repeat(3980)}her`],
  ["an emoji, two words parted by long runs of spaces", `😀 what${" ".repeat(1990)}she${" ".repeat(1990)}x`],
];

/** Milliseconds to screen `text` every way a message is: blocked, as history and prompt, flagged. */
function timeToScreen(text: string): number {
  const started = performance.now();
  screenPrompt(text, { blockedTopics: ["gambling", "video games", "赌博"] });
  screenContext([{ source: "history", text }, { source: "prompt", text }], { blockedTopics: ["gambling"] });
  screenTyped(text, { blockedTopics: ["gambling"] });
  screenReply(text);
  return performance.now() - started;
}

it.each(TWO_BYTE_RUNS)("%s is screened in linear time", (_name, text) => {
  expect(timeToScreen(text)).toBeLessThan(3_000);
});

it.each(INPUTS)("%s is screened quickly", (_name, text) => {
  expect(timeToScreen(text)).toBeLessThan(1_000);
});

// The crisis and low-mood readings run on every message before the screen: the same bound.
it.each([
  ["dollar signs", "$".repeat(4000)],
  ["an attack phrase, then spaces", `ignore previous instructions${" ".repeat(3960)}m`],
  ["a clause start over and over", "\nbro\n".repeat(800)],
  ["'how to' over and over", "how to ".repeat(570)],
  ["a lethal dose, then words", `lethal dose of pills ${"for a ".repeat(650)}`],
  ["wanting to overdose, then no question", `wanted to overdose ${"how ".repeat(980)}`],
  ["'help me stop eating' over and over", "help me stop eating so ".repeat(170)],
  ["words typed backwards over and over (read forwards too)", "ot eht ym ".repeat(400)],
  ["a Chinese sentence ending on 我, long", `${"的".repeat(3990)}我`],
  // the readings added 8 December: letters spelled out (parted into words again), 1 for l
  ["a message spelled out letter by letter, long", "h o w t o ".repeat(400)],
  ["letters and digits spelled out, long", "a 1 b 3 ".repeat(500)],
  // the longest message the other readings run on (crisis.ts, OTHER_READINGS_UP_TO)
  ["letters and digits spelled out, 1,000 characters", "a 1 b 3 ".repeat(125)],
  ["ones beside letters, 1,000 characters", "se1f ".repeat(200)],
  ["ones beside letters over and over", "se1f ".repeat(800)],
  ["a comparison's words over and over", "is it better to cut or burn ".repeat(140)],
  ["Chinese characters spaced out, long", "我 ".repeat(2000)],
  ["letters spaced out, long", "a ".repeat(2000)],
])("%s: the crisis and low-mood readings are quick", (_name, text) => {
  const started = performance.now();
  detectCrisis(text);
  detectLowMood(text);
  expect(performance.now() - started).toBeLessThan(1_000);
});
