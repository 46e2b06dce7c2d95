/**
 * The course itself is a corpus of look-alikes: token counts, context windows, prices, years,
 * scores, question numbers, in English and Chinese. None of it may trip the personal-data screen,
 * except the lines of the responsible-AI lesson that show personal data on purpose. Nor may any
 * line read as asking how to make a weapon, bully someone or get drugs, or as an attempt to get
 * round a model's rules: the course talks about roles, rules and instructions all the time. And no
 * line may read as a crisis: the lesson widgets screen what a student types, often copied from
 * the lesson, and a red alert for a quoted lesson line would teach teachers to ignore the red box.
 */
import fs from "node:fs";
import path from "node:path";
import { detectCrisis } from "~/playground/crisis";
import { findPersonalData } from "~/playground/screen-personal-data";
import { screenTyped } from "~/playground/screening";

/** Lesson 07's made-up students, in both languages (简体中文 puts a space between 18 and the characters). */
const DELIBERATE_EXAMPLES = /139 0000 0000|example\.com|Maple Street|枫林路 ?18 ?号|Hillside Middle School|Lakeside School|山景中学|湖畔中学/;
const DELIBERATE_EXAMPLES_LESSON = "07-responsible-ai";
/** Every text file of the course: lessons, quizzes, guides, the mini model's corpus. */
function courseTextFiles(dir = path.resolve("lessons")): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? courseTextFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(md|ya?ml|txt)$/.test(f));
}

/** The flags read from what a request asks for, not from a word list. */
const PHRASE_FLAGS = new Set(["jailbreak", "violence", "bullying", "drugs"]);

it("no line of any lesson or quiz trips the personal-data screen", () => {
  const root = path.resolve("lessons");
  const tripped: string[] = [];
  let lines = 0;
  for (const dir of fs.readdirSync(root)) {
    const folder = path.join(root, dir);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const file of fs.readdirSync(folder)) {
      for (const line of fs.readFileSync(path.join(folder, file), "utf8").split("\n")) {
        lines += 1;
        if (dir === DELIBERATE_EXAMPLES_LESSON && DELIBERATE_EXAMPLES.test(line)) continue;
        const found = findPersonalData(line);
        if (found.length > 0) tripped.push(`${dir}/${file}: ${found.map((f) => f.match).join(", ")}`);
      }
    }
  }
  expect(lines).toBeGreaterThan(1000);
  expect(tripped).toEqual([]);
});

/** Every line of the course's text that `matchesOf` finds something in, and how many lines were read. */
function trippedLines(matchesOf: (line: string) => string[]): { lines: number; tripped: string[] } {
  const tripped: string[] = [];
  let lines = 0;
  for (const file of courseTextFiles()) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      lines += 1;
      const found = matchesOf(line);
      if (found.length > 0) tripped.push(`${path.relative("lessons", file)}: ${found.join(", ")}`);
    }
  }
  return { lines, tripped };
}

it("no line of any lesson, guide or the mini model's corpus reads as a weapon request, a jailbreak, bullying or asking for drugs", () => {
  const { lines, tripped } = trippedLines((line) => screenTyped(line).filter((f) => PHRASE_FLAGS.has(f.kind)).map((f) => f.match));
  expect(lines).toBeGreaterThan(5000);
  expect(tripped).toEqual([]);
});

it("no line of any lesson, guide or the mini model's corpus reads as a crisis", () => {
  const { lines, tripped } = trippedLines((line) => detectCrisis(line).matches.map((m) => m.text));
  expect(lines).toBeGreaterThan(5000);
  expect(tripped).toEqual([]);
});
