/**
 * Trains the offline mini model on the compiled course and writes build/mini-model.json.
 *
 *   npx tsx scripts/build-mini-model.ts      (after scripts/build-course.ts)
 *
 * Paths resolve from the current directory (the project root under npm scripts). Every piece of
 * lesson text in every locale is used: titles, summaries, objectives, steps, quiz questions,
 * choices and explanations. Each paragraph is one training text, so "start of a text" means
 * the start of a paragraph.
 *
 * Plus a small everyday corpus written for it (lessons/corpus/everyday.<locale>.txt, en and
 * zh-Hans; zh-Hant converted like the lessons), so the model continues the lessons' own example
 * sentences the way the lessons say a model would: "The cat sat on the" → " mat".
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inlineText } from "../app/course/block-tree";
import type { Block, Course, Locale, Question } from "../app/course/types";
import { LOCALES } from "../app/course/types";
import { toHant } from "../app/i18n/hant";
import { trainMiniModel, type TrainingText } from "../app/playground/mini-model-engine.server";

const COURSE_FILE = path.join("build", "course.json");
const MODEL_FILE = path.join("build", "mini-model.json");
const CORPUS_DIR = path.join("lessons", "corpus");

/** The everyday corpus, one text per blank-line-separated paragraph; zh-Hant from zh-Hans. */
export function corpusTrainingTexts(dir: string): TrainingText[] {
  const read = (locale: "en" | "zh-Hans") =>
    fs
      .readFileSync(path.join(dir, `everyday.${locale}.txt`), "utf8")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== "");
  const en = read("en");
  const hans = read("zh-Hans");
  return [
    ...en.map((text) => ({ locale: "en", text })),
    ...hans.map((text) => ({ locale: "zh-Hans", text })),
    ...hans.map((text) => ({ locale: "zh-Hant", text: toHant(text) })),
  ];
}

/** Every text of the course, one entry per paragraph-like unit, tagged with its locale. */
export function courseTrainingTexts(course: Course): TrainingText[] {
  const texts: TrainingText[] = [];
  for (const lesson of course.lessons) {
    for (const locale of LOCALES) {
      const add = (text: string | undefined) => {
        if (text && text.trim()) texts.push({ locale, text: text.trim() });
      };
      const content = lesson.content[locale];
      add(content.title);
      add(content.summary);
      content.objectives.forEach(add);
      for (const step of content.steps) {
        add(step.title);
        for (const block of step.blocks) blockTexts(block).forEach(add);
      }
      for (const question of [...lesson.checks, ...lesson.quiz]) questionTexts(question, locale).forEach(add);
    }
  }
  return texts;
}

function questionTexts(question: Question, locale: Locale): string[] {
  const content = question.content[locale];
  return [content.prompt, ...content.choices.map((c) => c.text), ...content.accepted, content.explanation];
}

function blockTexts(block: Block): string[] {
  switch (block.t) {
    case "p":
    case "h":
      return [inlineText(block.c)];
    case "ul":
    case "ol":
      return block.items.flatMap((item) => item.flatMap(blockTexts));
    case "quote":
      return block.c.flatMap(blockTexts);
    case "callout":
      return [block.title ?? "", ...block.c.flatMap(blockTexts)];
    case "table":
      return [...block.head, ...block.rows.flat()].map(inlineText);
    case "tryit":
      return [block.prompt];
    case "predict":
      return [...block.c, ...block.reveal].flatMap(blockTexts);
    case "discuss":
      return block.c.flatMap(blockTexts);
    case "diagram": // its text lives in app/course/diagrams, not in the lesson
    case "pre": // code and sample prompts: not the prose the model should imitate
    case "hr":
    case "widget":
    case "check":
      return [];
  }
}

function main(): number {
  const started = performance.now();
  const courseFile = path.resolve(process.cwd(), COURSE_FILE);
  if (!fs.existsSync(courseFile)) {
    console.error(`${COURSE_FILE} not found: run \`npx tsx scripts/build-course.ts\` first`);
    return 1;
  }
  const course = JSON.parse(fs.readFileSync(courseFile, "utf8")) as Course;
  const texts = [...courseTrainingTexts(course), ...corpusTrainingTexts(path.resolve(process.cwd(), CORPUS_DIR))];
  const model = trainMiniModel(texts);
  const json = JSON.stringify(model);

  const out = path.resolve(process.cwd(), MODEL_FILE);
  const tmp = `${out}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(tmp, json);
  fs.renameSync(tmp, out); // never leave a half-written model for the server to load

  const corpusChars = texts.reduce((sum, t) => sum + t.text.length, 0);
  const contexts = Object.values(model.locales).reduce((n, t) => n + Object.keys(t.contexts).length, 0);
  console.log(
    `${MODEL_FILE}: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB ` +
      `(${model.vocab.length} pieces, ${contexts} contexts, order ${model.order}) ` +
      `from ${texts.length} texts / ${corpusChars} characters in ${Math.round(performance.now() - started)} ms`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
