/**
 * The course compiler: lessons/ → Course. Error tests build small lesson trees in a temporary
 * directory, change one thing in a valid lesson, and expect exactly one `file:line: message`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileCourse, type CompileOptions, type CompileResult } from "~/course/build/compile-course";
import { diagramTextProblems, lookUpDiagram, renderDiagram } from "~/course/build/diagrams";
import { formatContentError } from "~/course/build/errors";
import { HANT_TERMS, toHant } from "~/i18n/hant";
import { joinSoftBreaks } from "~/course/build/markdown-to-blocks";
import { stepWordCount } from "~/course/build/step-rules";
import { DIAGRAMS } from "~/course/diagrams";
import type { Block, Course, Lesson } from "~/course/types";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const validFixture = path.join(repoRoot, "tests/fixtures/lessons-valid");

// ---------------------------------------------------------------------------------------------
// A valid one-lesson course; tests override single files. Line numbers matter: keep them stable.

const COURSE_YAML = `modules:
  - 01-alpha
`;

const EN = `---
title: Alpha
summary: The first lesson.
minutes: 10
objectives:
  - I can learn.
bigIdea: 3
gradeBand: "7-12"
sources:
  - id: src
    title: A source
---

## One {#one}

Text :cite[src].

::check{id="alpha-check"}

## Two {#two}

More text.

:::discuss
Talk about it.
:::
`;

const HANS = `---
title: 甲
summary: 第一课。
objectives:
  - 我能学习。
---

## 一 {#one}

文字 :cite[src]。

::check{id="alpha-check"}

## 二 {#two}

更多文字。

:::discuss
聊一聊。
:::
`;

const QUIZ = `checks:
  - id: alpha-check
    type: single
    prompt: { en: Pick a, zh-Hans: 选 a }
    choices:
      - { id: a, en: A, zh-Hans: 甲 }
      - { id: b, en: B, zh-Hans: 乙 }
    answer: a
questions:
  - id: alpha-q1
    type: text
    prompt: { en: Name it, zh-Hans: 说出名字 }
    accepted: { en: [token], zh-Hans: [词元] }
    objectives: [1]
`;

type Files = Record<string, string | null>;

function alphaFiles(overrides: Files = {}): Files {
  return {
    "course.yaml": COURSE_YAML,
    "01-alpha/lesson.en.md": EN,
    "01-alpha/lesson.zh-Hans.md": HANS,
    "01-alpha/quiz.yaml": QUIZ,
    ...overrides,
  };
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (null = leave out) under <tmp>/lessons and returns that directory. */
function writeLessons(files: Files): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-course-"));
  tempDirs.push(root);
  const lessons = path.join(root, "lessons");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(lessons, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (text !== null) fs.writeFileSync(file, text);
  }
  fs.mkdirSync(lessons, { recursive: true });
  return lessons;
}

const RELAXED: CompileOptions = { stepRange: [1, 8], quizRange: [1, 10] };

function compile(files: Files, options: CompileOptions = RELAXED): CompileResult {
  return compileCourse(writeLessons(files), options);
}

function errorsOf(result: CompileResult): string[] {
  return "errors" in result ? result.errors.map(formatContentError) : [];
}

function warningsOf(result: CompileResult): string[] {
  return result.warnings.map(formatContentError);
}

function courseOf(result: CompileResult): Course {
  if ("errors" in result) throw new Error(`expected a course, got:\n${errorsOf(result).join("\n")}`);
  return result.course;
}

/**
 * Compiles one step of Markdown in both languages and returns the lesson. The tests that use it are
 * about Markdown, not the step rules (the step often has nothing to do), so those rules only warn.
 */
function compileStep(enBody: string, hansBody = enBody, extraFrontMatter = ""): Lesson {
  const en = EN.replace(/\n## One[\s\S]*$/, `\n## One {#one}\n\n${enBody}\n`).replace(
    "sources:\n",
    `${extraFrontMatter}sources:\n`,
  );
  const hans = HANS.replace(/\n## 一[\s\S]*$/, `\n## 一 {#one}\n\n${hansBody}\n`);
  const course = courseOf(
    compile(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans }), {
      ...RELAXED,
      strictSteps: false,
    }),
  );
  const lesson = course.lessons[0];
  if (!lesson) throw new Error("no lesson");
  return lesson;
}

function blocksOf(lesson: Lesson, locale: "en" | "zh-Hans" | "zh-Hant" = "en"): Block[] {
  return lesson.content[locale].steps[0]?.blocks ?? [];
}

/** Expects the files to fail with exactly these errors. */
function expectErrors(files: Files, expected: string[], options?: CompileOptions): void {
  expect(errorsOf(compile(files, options))).toEqual(expected);
}

const A = "lessons/01-alpha";

// ---------------------------------------------------------------------------------------------

describe("compileCourse on the valid fixture", () => {
  const result = compileCourse(validFixture, { root: repoRoot, ...RELAXED });
  const course = courseOf(result);
  const [first, second] = course.lessons;

  it("compiles both lessons in course.yaml order, with slugs and numbers", () => {
    expect(course.lessons.map((l) => [l.slug, l.number])).toEqual([
      ["first-steps", 1],
      ["feedback", 2],
    ]);
    expect(warningsOf(result)).toEqual([]);
  });

  it("takes the shared fields from the English front matter", () => {
    expect(first).toMatchObject({ minutes: 10, bigIdea: 3, gradeBand: "7-12" });
    expect(first?.sources).toEqual([
      { id: "first", title: "The first source", publisher: "Example Press, 2024", url: "https://example.org/first" },
      { id: "second", title: "The second source" },
    ]);
    expect(first?.content["zh-Hans"]).toMatchObject({ title: "第一步", objectives: ["我能说出一个词元（token）。", "我可以试一个提示词。"] });
  });

  it("compiles every block and inline type of step one", () => {
    expect(first?.content.en.steps[0]).toEqual({
      id: "guess",
      title: "Guess the next word",
      widgets: ["next-token"],
      blocks: [
        {
          t: "p",
          c: [
            { t: "text", v: "Text with " },
            { t: "strong", c: [{ t: "text", v: "bold" }] },
            { t: "text", v: ", " },
            { t: "em", c: [{ t: "text", v: "italic" }] },
            { t: "text", v: ", " },
            { t: "code", v: "code" },
            { t: "text", v: " and a " },
            { t: "link", href: "https://example.org", c: [{ t: "text", v: "link" }] },
            { t: "text", v: ". A second line of the same paragraph. Cited " },
            { t: "cite", source: "second", n: 2 },
            { t: "text", v: " and " },
            { t: "cite", source: "first", n: 1 },
            { t: "text", v: "." },
          ],
        },
        { t: "h", level: 3, c: [{ t: "text", v: "A small heading" }] },
        { t: "ul", items: [[{ t: "p", c: [{ t: "text", v: "one" }] }], [{ t: "p", c: [{ t: "text", v: "two" }] }]] },
        {
          t: "ol",
          start: 3,
          items: [[{ t: "p", c: [{ t: "text", v: "three" }] }], [{ t: "p", c: [{ t: "text", v: "four" }] }]],
        },
        { t: "quote", c: [{ t: "p", c: [{ t: "text", v: "A quote." }] }] },
        { t: "pre", lang: "python", v: 'print("hi")' },
        {
          t: "table",
          head: [[{ t: "text", v: "word" }], [{ t: "text", v: "tokens" }]],
          rows: [[[{ t: "text", v: "cat" }], [{ t: "text", v: "1" }]]],
        },
        { t: "hr" },
        { t: "widget", name: "next-token", props: { text: "The cat sat" } },
      ],
    });
  });

  it("compiles check, callout and tryit directives", () => {
    expect(first?.content.en.steps[1]).toEqual({
      id: "check",
      title: "Check yourself",
      widgets: [],
      blocks: [
        { t: "check", id: "first-check" },
        {
          t: "callout",
          kind: "tip",
          title: "Remember",
          c: [{ t: "p", c: [{ t: "text", v: "A token is often " }, { t: "em", c: [{ t: "text", v: "part" }] }, { t: "text", v: " of a word." }] }],
        },
        {
          t: "tryit",
          id: "try-poem",
          prompt: "Write a two-line poem about a cat.",
          check: { kind: "contains", value: "cat" },
          recorded: { model: "Claude (Anthropic)", date: "2026-12-04", reply: "A cat curls up where the sunlight falls,\nand dreams of birds beyond the walls." },
        },
      ],
    });
  });

  it("aligns step ids across all three locales", () => {
    for (const lesson of course.lessons) {
      const ids = lesson.content.en.steps.map((s) => s.id);
      expect(lesson.content["zh-Hans"].steps.map((s) => s.id)).toEqual(ids);
      expect(lesson.content["zh-Hant"].steps.map((s) => s.id)).toEqual(ids);
    }
    expect(second?.content.en.steps.map((s) => s.id)).toEqual(["compare", "judge"]);
  });

  it("derives zh-Hant from zh-Hans: text, titles, callouts, tryits and widget props", () => {
    const hant = first?.content["zh-Hant"];
    expect(hant?.title).toBe("第一步");
    expect(hant?.summary).toBe("一個用到所有內容類型的小課程。");
    expect(hant?.steps[0]?.title).toBe("猜下一個詞");
    expect(hant?.steps[0]?.blocks.at(-1)).toEqual({ t: "widget", name: "next-token", props: { text: "人工智慧軟體" } });
    const paragraph = hant?.steps[0]?.blocks[0];
    expect(paragraph?.t === "p" && paragraph.c.slice(0, 2)).toEqual([
      { t: "text", v: "這段文字有" },
      { t: "strong", c: [{ t: "text", v: "粗體" }] },
    ]);
    // Inline code in a Chinese lesson is Chinese text too; cites keep their numbers.
    expect(paragraph?.t === "p" && paragraph.c.filter((i) => i.t === "code" || i.t === "cite")).toEqual([
      { t: "code", v: "程式碼" },
      { t: "cite", source: "second", n: 2 },
      { t: "cite", source: "first", n: 1 },
    ]);
    expect(hant?.steps[1]?.blocks.slice(1)).toEqual([
      {
        t: "callout",
        kind: "tip",
        title: "記住",
        c: [{ t: "p", c: [{ t: "text", v: "詞元常常是詞的" }, { t: "em", c: [{ t: "text", v: "一部分" }] }, { t: "text", v: "。" }] }],
      },
      {
        t: "tryit",
        id: "try-poem",
        prompt: "寫一首關於貓的兩行詩。",
        check: { kind: "contains", value: "貓" },
        recorded: { model: "Claude (Anthropic)", date: "2026-12-04", reply: "小貓蜷在陽光裡，\n夢見窗外的小鳥飛。" },
      },
    ]);
    expect(second?.content["zh-Hant"].title).toBe("從回饋中學習");
  });

  it("compiles quiz.yaml: checks, questions, answers, misconception flag, accepted answers", () => {
    expect(first?.checks).toEqual([
      {
        id: "first-check",
        type: "single",
        answer: ["b"],
        misconception: false,
        objectives: [],
        content: {
          en: {
            prompt: "Which is a token?",
            choices: [
              { id: "a", text: "Always a whole word" },
              { id: "b", text: "A piece of text, often part of a word" },
            ],
            accepted: [],
            explanation: "Tokens are often pieces of words.",
          },
          "zh-Hans": {
            prompt: "下面哪个是词元？",
            choices: [
              { id: "a", text: "总是一个完整的词" },
              { id: "b", text: "一段文本，常常是词的一部分" },
            ],
            accepted: [],
            explanation: "词元常常是词的一部分。",
          },
          "zh-Hant": {
            prompt: "下面哪個是詞元？",
            choices: [
              { id: "a", text: "總是一個完整的詞" },
              { id: "b", text: "一段文本，常常是詞的一部分" },
            ],
            accepted: [],
            explanation: "詞元常常是詞的一部分。",
          },
        },
      },
    ]);
    const [multiple, text] = first?.quiz ?? [];
    expect(multiple).toMatchObject({ id: "first-q1", type: "multiple", answer: ["a", "c"], misconception: true });
    expect(multiple?.content["zh-Hant"].choices[2]).toEqual({ id: "c", text: "模型從資料中學習" });
    expect(text).toMatchObject({ id: "first-q2", type: "text", answer: [], misconception: false });
    expect(text?.content.en).toMatchObject({ choices: [], accepted: ["token", "tokens"] });
    // zh-Hant accepts its own forms and the 简体 ones, without duplicates ("token" is in both).
    expect(text?.content["zh-Hant"].accepted).toEqual(["詞元", "token", "词元"]);
    expect(second?.quiz[0]?.content.en.explanation).toBe("");
  });

  it("adds zh-Hant to every { en, zh-Hans } value of widget data", () => {
    expect(first?.data).toEqual({});
    expect(second?.data).toEqual({
      preferences: {
        pairs: [
          {
            id: "pair-1",
            prompt: { en: "Explain rain.", "zh-Hans": "解释下雨。", "zh-Hant": "解釋下雨。" },
            a: { en: "Water falls from clouds.", "zh-Hans": "水从云里落下来。", "zh-Hant": "水從雲裡落下來。" },
            b: { en: "It just happens.", "zh-Hans": "就是会发生。", "zh-Hant": "就是會發生。" },
            judge: "a",
            reason: {
              en: "A explains; B does not.",
              "zh-Hans": "A 给出了解释（反馈质量更高）；B 没有。",
              "zh-Hant": "A 給出了解釋（回饋品質更高）；B 沒有。",
            },
          },
        ],
      },
    });
  });

  it("versions the course with a short content hash that is stable across builds", () => {
    expect(course.version).toMatch(/^[0-9a-f]{12}$/);
    const again = courseOf(compileCourse(validFixture, { root: repoRoot, ...RELAXED }));
    expect(again.version).toBe(course.version);
    const changed = courseOf(compile(alphaFiles()));
    expect(changed.version).not.toBe(course.version);
  });
});

// ---------------------------------------------------------------------------------------------

describe("Markdown → blocks", () => {
  it("numbers cites 1..n in front-matter order in every locale", () => {
    const en = EN.replace(
      "sources:\n  - id: src\n    title: A source\n",
      "sources:\n  - id: a\n    title: A\n  - id: b\n    title: B\n  - id: c\n    title: C\n",
    ).replace("Text :cite[src].", "See :cite[c], :cite[a] and :cite[b], then :cite[c] again.");
    const hans = HANS.replace("文字 :cite[src]。", "见:cite[b]。");
    const lesson = courseOf(compile(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans })))
      .lessons[0];
    const cites = (blocks: Block[] | undefined) =>
      (blocks?.[0]?.t === "p" ? blocks[0].c : []).filter((i) => i.t === "cite");
    expect(cites(lesson?.content.en.steps[0]?.blocks)).toEqual([
      { t: "cite", source: "c", n: 3 },
      { t: "cite", source: "a", n: 1 },
      { t: "cite", source: "b", n: 2 },
      { t: "cite", source: "c", n: 3 },
    ]);
    expect(cites(lesson?.content["zh-Hans"].steps[0]?.blocks)).toEqual([{ t: "cite", source: "b", n: 2 }]);
    expect(cites(lesson?.content["zh-Hant"].steps[0]?.blocks)).toEqual([{ t: "cite", source: "b", n: 2 }]);
  });

  it("compiles hard breaks, #### headings, reference links and nested lists", () => {
    const lesson = compileStep(
      "#### Small\n\nLine one\\\nline two, [a ref][r].\n\n[r]: https://example.org/r\n\n- outer\n  - inner",
    );
    expect(blocksOf(lesson)).toEqual([
      { t: "h", level: 4, c: [{ t: "text", v: "Small" }] },
      {
        t: "p",
        c: [
          { t: "text", v: "Line one" },
          { t: "br" },
          { t: "text", v: "line two, " },
          { t: "link", href: "https://example.org/r", c: [{ t: "text", v: "a ref" }] },
          { t: "text", v: "." },
        ],
      },
      {
        t: "ul",
        items: [[{ t: "p", c: [{ t: "text", v: "outer" }] }, { t: "ul", items: [[{ t: "p", c: [{ t: "text", v: "inner" }] }]] }]],
      },
    ]);
  });

  it("joins wrapped Chinese lines without a space, English ones with a space", () => {
    const lesson = compileStep("one\ntwo", "第一行\n第二行，Claude\n模型");
    expect(blocksOf(lesson)).toEqual([{ t: "p", c: [{ t: "text", v: "one two" }] }]);
    expect(blocksOf(lesson, "zh-Hans")).toEqual([{ t: "p", c: [{ t: "text", v: "第一行第二行，Claude 模型" }] }]);
    expect(joinSoftBreaks("\n词元", "zh-Hans")).toBe("词元");
    expect(joinSoftBreaks("word\n", "en")).toBe("word ");
  });

  it("keeps a bare `a:b` as text and drops HTML comments", () => {
    const lesson = compileStep("Ratio a:b here. <!-- note -->\n\n<!-- a block comment -->");
    expect(blocksOf(lesson)).toEqual([{ t: "p", c: [{ t: "text", v: "Ratio a:b here. " }] }]);
  });

  it("compiles every tryit check kind and its options", () => {
    const body = [
      ':::tryit{id="t-contains" check="contains" value="Cat" case="sensitive" system="Answer in one line."}',
      "Say **Cat**.\n\nTwo paragraphs.",
      ":::",
      ':::tryit{id="t-regex" check="regex" pattern="^\\d+$" flags="i" says="is a number"}',
      "Give a number.",
      ":::",
      ':::tryit{id="t-words" check="words" min="3" max="10"}',
      "Describe a cat.",
      ":::",
      ':::tryit{id="t-lines" check="lines" max="2"}',
      "A two-line poem.",
      ":::",
    ].join("\n");
    const lesson = compileStep(body);
    expect(blocksOf(lesson)).toEqual([
      {
        t: "tryit",
        id: "t-contains",
        prompt: "Say **Cat**.\n\nTwo paragraphs.",
        system: "Answer in one line.",
        check: { kind: "contains", value: "Cat", caseSensitive: true },
      },
      { t: "tryit", id: "t-regex", prompt: "Give a number.", check: { kind: "regex", pattern: "^\\d+$", flags: "i", says: "is a number" } },
      { t: "tryit", id: "t-words", prompt: "Describe a cat.", check: { kind: "words", min: 3, max: 10 } },
      { t: "tryit", id: "t-lines", prompt: "A two-line poem.", check: { kind: "lines", max: 2 } },
    ]);
  });

  it("compiles every callout kind, with a title attribute, a [label] title or none", () => {
    const body = [
      ':::callout{kind="misconception" title="Models look things up"}',
      "They predict.",
      ":::",
      ':::callout[Labelled]{kind="example"}',
      "An example.",
      ":::",
      ':::callout{kind="warning"}',
      "::widget{name=\"calibration\"}",
      ":::",
    ].join("\n");
    const lesson = compileStep(body);
    expect(blocksOf(lesson)).toEqual([
      { t: "callout", kind: "misconception", title: "Models look things up", c: [{ t: "p", c: [{ t: "text", v: "They predict." }] }] },
      { t: "callout", kind: "example", title: "Labelled", c: [{ t: "p", c: [{ t: "text", v: "An example." }] }] },
      { t: "callout", kind: "warning", c: [{ t: "widget", name: "calibration", props: {} }] },
    ]);
    // A widget nested in a callout still counts for the step.
    expect(lesson.content.en.steps[0]?.widgets).toEqual(["calibration"]);
  });

  it("lists each widget of a step once, in order of first use", () => {
    const lesson = compileStep('::widget{name="tokenizer"}\n\n::widget{name="context-window"}\n\n::widget{name="tokenizer" text="again"}');
    expect(lesson.content.en.steps[0]?.widgets).toEqual(["tokenizer", "context-window"]);
    expect(blocksOf(lesson)[2]).toEqual({ t: "widget", name: "tokenizer", props: { text: "again" } });
  });
});

// ---------------------------------------------------------------------------------------------

describe("zh-Hant derivation", () => {
  it("converts AI vocabulary to the words Taiwanese readers use", () => {
    const words: Record<string, string> = {
      人工智能: "人工智慧",
      软件: "軟體",
      网络: "網路",
      信息: "資訊",
      数据: "資料",
      程序: "程式",
      模型: "模型",
      训练: "訓練",
      参数: "參數",
      词元: "詞元",
      上下文: "上下文",
      提示词: "提示詞",
      视频: "影片",
      默认: "預設",
      质量: "品質",
    };
    for (const [hans, hant] of Object.entries(words)) expect(toHant(hans), hans).toBe(hant);
  });

  it("applies every row of the fix-up table", () => {
    for (const [hans, hant] of HANT_TERMS) expect(toHant(hans), hans).toBe(hant);
  });

  it("fixes terms inside sentences without breaking their neighbours", () => {
    expect(toHant("模型有数十亿个参数，训练数据的质量很重要。")).toBe("模型有數十億個參數，訓練資料的品質很重要。");
    expect(toHant("基于人类反馈的强化学习")).toBe("基於人類回饋的強化學習");
    expect(toHant("大语言模型（LLM）")).toBe("大型語言模型（LLM）");
    expect(toHant("Anthropic 于 2024 年发布了 Claude 3。")).toBe("Anthropic 於 2024 年發布了 Claude 3。");
    expect(toHant("他说“你好”")).toBe("他說「你好」");
    expect(toHant("他说“别写‘一石二’”")).toBe("他說「別寫『一石二』」");
    expect(toHant("Claude’s ‘reply’ 很短")).toBe("Claude’s ‘reply’ 很短");
    expect(toHant("给出了解释")).toBe("給出了解釋");
    expect(toHant("对话对象")).toBe("對話對象");
    // Longest term first: 面向对象 is not 面向 + 对象.
    expect(toHant("面向对象编程")).toBe("物件導向程式設計");
    // 进程 is fixed on the 简体 side, so 程序正义 (kept by opencc) is untouched.
    expect(toHant("历史进程")).toBe("歷史進程");
    expect(toHant("程序正义")).toBe("程序正義");
    expect(toHant("")).toBe("");
    expect(toHant("English stays English.")).toBe("English stays English.");
  });
});

// ---------------------------------------------------------------------------------------------

describe("validation errors name the file and line", () => {
  it("accepts the base lesson without errors or warnings", () => {
    const result = compile(alphaFiles());
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([]);
  });

  it("reports a missing front-matter field on the front matter's first line", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("title: Alpha\n", "") }), [
      `${A}/lesson.en.md:2: missing field "title"`,
    ]);
  });

  it("reports bad front-matter values on their own line", () => {
    const en = EN.replace("minutes: 10", 'minutes: "ten"').replace("bigIdea: 3", "bigIdea: 7");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:4: "minutes": must be a number of minutes`,
      `${A}/lesson.en.md:7: "bigIdea": must be an AI4K12 big idea, 1 to 5`,
    ]);
  });

  it("reports a bad source URL and a duplicate source id", () => {
    const en = EN.replace(
      "    title: A source\n",
      "    title: A source\n    url: ftp://example.org\n  - id: src\n    title: Again\n",
    );
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [`${A}/lesson.en.md:12: "sources[0].url": must be an http(s) URL`]);
    const dup = EN.replace("    title: A source\n", "    title: A source\n  - id: src\n    title: Again\n");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": dup }), [`${A}/lesson.en.md:12: duplicate source id "src"`]);
  });

  it("reports fields the 简体中文 file must not hold", () => {
    const hans = HANS.replace("objectives:", "minutes: 10\nobjectives:");
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": hans }), [
      `${A}/lesson.zh-Hans.md:4: unknown field "minutes" (the 简体中文 file holds only title, summary and objectives; the rest comes from lesson.en.md)`,
    ]);
  });

  it("reports a file without front matter and invalid YAML", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": HANS.replace(/^---\n[\s\S]*?\n---\n/, "") }), [
      `${A}/lesson.zh-Hans.md:1: missing front matter: the file must start with a --- line, the fields, and a closing ---`,
    ]);
    const errors = errorsOf(compile(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("summary: The first lesson.", "summary: a: b") }))) ;
    expect(errors[0]).toMatch(/^lessons\/01-alpha\/lesson\.en\.md:3: invalid YAML: /);
  });

  it("reports course.yaml entries without a folder, badly named or with a duplicate slug", () => {
    const course = "modules:\n  - 01-alpha\n  - 02-missing\n  - Alpha\n  - 03-alpha\n";
    expectErrors(alphaFiles({ "course.yaml": course, "03-alpha/lesson.en.md": EN }), [
      `lessons/course.yaml:3: no lesson folder lessons/02-missing/`,
      `lessons/course.yaml:4: "Alpha" is not a lesson folder name like 01-what-is-an-llm (number, dash, lowercase slug)`,
      `lessons/course.yaml:5: duplicate slug "alpha": 03-alpha and 01-alpha would have the same URL`,
    ]);
  });

  it("reports a missing course.yaml and warns about unlisted lesson folders", () => {
    expectErrors(alphaFiles({ "course.yaml": null }), [
      "lessons/course.yaml:1: file not found: course.yaml lists the lesson folders in order (modules: [01-…, 02-…])",
    ]);
    const result = compile(alphaFiles({ "02-beta/lesson.en.md": EN }));
    expect(warningsOf(result)).toEqual(["lessons/course.yaml:1: 02-beta/ is not listed in modules, so it is not built"]);
  });

  it("reports a missing locale file", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": null }), [
      `${A}/lesson.zh-Hans.md:1: file not found: every lesson needs lesson.en.md, lesson.zh-Hans.md, quiz.yaml`,
    ]);
  });

  it("reports a step heading without an id, or with a malformed or duplicate one", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("## One {#one}", "## One") }), [
      `${A}/lesson.en.md:14: step heading needs an id: ## One {#step-id}`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("{#one}", "{#One_1}") }), [
      `${A}/lesson.en.md:14: step id "One_1" must use only lowercase letters, digits and dashes`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("{#two}", "{#one}") }), [
      `${A}/lesson.en.md:20: duplicate step id "one" (first used on line 14)`,
      `${A}/lesson.zh-Hans.md:14: step 2 has id "two" but step 2 of lesson.en.md has id "one"`,
    ]);
  });

  it("reports step ids that differ between the languages, and a different number of steps", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": HANS.replace("{#two}", "{#zwei}") }), [
      `${A}/lesson.zh-Hans.md:14: step 2 has id "zwei" but step 2 of lesson.en.md has id "two"`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": `${HANS}\n## 三 {#three}\n\n再多。\n\n:::discuss\n再聊。\n:::\n` }), [
      `${A}/lesson.zh-Hans.md:22: 3 steps but lesson.en.md has 2: both languages have the same steps`,
    ]);
  });

  it("warns (does not fail) when steps or quiz questions are outside the usual range", () => {
    const result = compile(alphaFiles(), {});
    expect(errorsOf(result)).toEqual([]);
    expect(warningsOf(result)).toEqual([
      `${A}/lesson.en.md:14: 2 steps; a lesson has 4–8`,
      `${A}/quiz.yaml:10: 1 quiz questions; a lesson's quiz has 6–10`,
    ]);
    expect(warningsOf(compile(alphaFiles(), { stepRange: [2, 2], quizRange: [1, 1] }))).toEqual([]);
  });

  it("reports a lesson with no steps, text before the first step and unsupported headings", () => {
    expectErrors(
      alphaFiles({ "01-alpha/lesson.en.md": EN.replace(/\n## One[\s\S]*$/, "\nJust text.\n") }),
      [
        `${A}/lesson.en.md:1: a lesson needs steps: start each one with \`## Title {#step-id}\``,
        `${A}/lesson.en.md:14: text before the first step: start each step with \`## Title {#step-id}\``,
        `${A}/lesson.zh-Hans.md:8: 2 steps but lesson.en.md has 0: both languages have the same steps`,
      ],
    );
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", "# Big\n\n##### Tiny") }), [
      `${A}/lesson.en.md:22: # headings are not used: the title comes from the front matter; steps start with ##`,
      `${A}/lesson.en.md:24: heading level 5 is not supported: use ### or #### inside a step`,
    ]);
  });

  it("reports an {#id} on a ### heading, where readers would see it", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", "### Part {#part}") }), [
      `${A}/lesson.en.md:22: only ## step headings take an {#id}; remove it from this heading`,
    ]);
  });

  it("reports unknown widgets and widgets without a name", () => {
    const en = EN.replace("More text.", '::widget{name="tokeniser"}\n\n::widget{text="x"}');
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: unknown widget "tokeniser" (known: tokenizer, next-token, context-window, preference-lab, constitution-lab, calibration)`,
      `${A}/lesson.en.md:24: widget needs a name: ::widget{name="…"} (one of tokenizer, next-token, context-window, preference-lab, constitution-lab, calibration)`,
    ]);
  });

  it("reports unknown directives and directives in the wrong form", () => {
    const en = EN.replace(
      "More text.",
      '::video{src="x"}\n\n:::aside\nText\n:::\n\nA :fancy[word] here.\n\n:::widget{name="tokenizer"}\n:::\n\n::callout{kind="tip"}',
    );
    const known = "known: ::widget, ::check, ::diagram, :::tryit, :::callout, :::predict, :::discuss, :cite[…]";
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: unknown directive "::video" (${known})`,
      `${A}/lesson.en.md:24: unknown directive ":::aside" (${known})`,
      `${A}/lesson.en.md:28: unknown directive ":fancy" (${known}; write \\: for a literal colon)`,
      `${A}/lesson.en.md:30: "widget" is a one-line directive: write ::widget{…}`,
      `${A}/lesson.en.md:33: "callout" has a body: write :::callout{…}, the text, then ::: on its own line`,
    ]);
  });

  it("reports a ::check whose id is not in quiz.yaml's checks, and one placed twice", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": HANS.replace('::check{id="alpha-check"}', '::check{id="alpha-q1"}\n\n:::discuss\n聊聊。\n:::') }), [
      `${A}/lesson.zh-Hans.md:12: unknown check "alpha-q1": add it to the checks list of quiz.yaml`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", '::check{id="alpha-check"}') }), [
      `${A}/lesson.en.md:22: check "alpha-check" is already placed on line 18`,
    ]);
  });

  it("warns about a check that no step places", () => {
    // The step keeps something to do, so the only warning is about the check.
    const hans = HANS.replace('::check{id="alpha-check"}', ":::discuss\n聊聊。\n:::");
    const en = EN.replace('::check{id="alpha-check"}', ":::discuss\nTalk.\n:::");
    const result = compile(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans }));
    expect(warningsOf(result)).toEqual([`${A}/quiz.yaml:2: check "alpha-check" is not placed in any step (::check{id="alpha-check"})`]);
  });

  it("reports a :cite of a source the front matter does not list", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": HANS.replace(":cite[src]", ":cite[nope]") }), [
      `${A}/lesson.zh-Hans.md:10: unknown source "nope" in :cite (sources in the front matter: src)`,
    ]);
  });

  it("reports raw HTML, block and inline", () => {
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", "<div>box</div>\n\nSome <b>bold</b>.") }), [
      `${A}/lesson.en.md:22: raw HTML is not allowed; use Markdown or a directive`,
      `${A}/lesson.en.md:24: raw HTML is not allowed; use Markdown or a directive`,
      `${A}/lesson.en.md:24: raw HTML is not allowed; use Markdown or a directive`,
    ]);
  });

  it("reports images, strikethrough, footnotes and unsafe links", () => {
    const en = EN.replace("More text.", "![cat](cat.png)\n\n~~gone~~\n\n[click](javascript:alert(1))");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: images are not supported in lessons`,
      `${A}/lesson.en.md:24: strikethrough (~~…~~) is not supported`,
      `${A}/lesson.en.md:26: link "javascript:alert(1)" must be an http(s) address, mailto: or a site path starting with /`,
    ]);
  });

  it("reports tryits with an invalid check", () => {
    const tryits = [
      ':::tryit{id="t1" check="regex" pattern="("}',
      "Prompt.",
      ":::",
      ':::tryit{id="t2" check="wordz"}',
      "Prompt.",
      ":::",
      ':::tryit{id="t3" check="words" min="10" max="2"}',
      "Prompt.",
      ":::",
      ':::tryit{id="t4" check="contains" pattern="x"}',
      "Prompt.",
      ":::",
      ':::tryit{check="lines" min="two"}',
      "Prompt.",
      ":::",
      ':::tryit{id="t6" check="regex" pattern="x" flags="g"}',
      "Prompt.",
      ":::",
      ':::tryit{id="t7" check="contains" value="x"}',
      ":::",
      ':::tryit{id="t8" check="regex" pattern="x"}',
      "Prompt.",
      ":::",
    ].join("\n");
    const errors = errorsOf(compile(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", tryits) })));
    expect(errors[0]).toMatch(/^lessons\/01-alpha\/lesson\.en\.md:22: tryit: invalid regex \/\(\/: Invalid regular expression/);
    expect(errors.slice(1)).toEqual([
      `${A}/lesson.en.md:25: tryit: unknown check "wordz" (use contains, regex, words, lines)`,
      `${A}/lesson.en.md:28: tryit: min (10) is greater than max (2)`,
      `${A}/lesson.en.md:31: tryit: "pattern" does not apply to check="contains"`,
      `${A}/lesson.en.md:31: tryit: check="contains" needs value="…"`,
      `${A}/lesson.en.md:34: tryit needs an id: :::tryit{id="…" …}`,
      `${A}/lesson.en.md:34: tryit: min must be a whole number, not "two"`,
      `${A}/lesson.en.md:37: tryit: flags "g" may only combine i, m, s and u`,
      `${A}/lesson.en.md:40: tryit needs a body: the prompt that opens the playground`,
      `${A}/lesson.en.md:42: tryit: check="regex" needs says="…": what the pattern looks for, in words a student understands`,
    ]);
  });

  it("reports a callout with an unknown or missing kind", () => {
    const en = EN.replace("More text.", ':::callout{kind="danger"}\nX\n:::\n\n:::callout\nY\n:::');
    const kinds = "kinds: note, tip, warning, misconception, example";
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: unknown callout kind "danger" (${kinds})`,
      `${A}/lesson.en.md:26: callout needs a kind: :::callout{kind="…"} (${kinds})`,
    ]);
  });

  it("reports a quiz answer that is not among the choices", () => {
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("answer: a", "answer: c") }), [
      `${A}/quiz.yaml:8: question "alpha-check": answer "c" is not among the choices (a, b)`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("answer: a", "answer: [a, b]") }), [
      `${A}/quiz.yaml:8: question "alpha-check": a single question has exactly one answer`,
    ]);
  });

  it("reports quiz shape errors: unknown type, missing prompt locale, unknown field", () => {
    const quiz = QUIZ.replace("type: single", "type: choice")
      .replace("{ en: Name it, zh-Hans: 说出名字 }", "{ en: Name it }")
      .replace("    type: text\n", "    type: text\n    hint: nope\n");
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": quiz }), [
      `${A}/quiz.yaml:3: "checks[0].type": type must be single, multiple or text`,
      `${A}/quiz.yaml:12: unknown field "questions[0].hint"`,
      `${A}/quiz.yaml:13: missing field "questions[0].prompt.zh-Hans"`,
    ]);
  });

  it("reports a malformed question and the semantic errors of the others in one run", () => {
    const quiz = QUIZ.replace("type: single", "type: choice").replace(
      "accepted: { en: [token], zh-Hans: [词元] }",
      "accepted: { en: [token] }",
    );
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": quiz }), [
      `${A}/quiz.yaml:3: "checks[0].type": type must be single, multiple or text`,
      `${A}/quiz.yaml:13: question "alpha-q1": a text question needs accepted answers in zh-Hans`,
    ]);
  });

  it("reports a text question without accepted answers in each locale", () => {
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("accepted: { en: [token], zh-Hans: [词元] }", "accepted: { en: [token] }") }), [
      `${A}/quiz.yaml:13: question "alpha-q1": a text question needs accepted answers in zh-Hans`,
    ]);
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("    accepted: { en: [token], zh-Hans: [词元] }\n", "") }), [
      `${A}/quiz.yaml:10: question "alpha-q1": a text question needs accepted answers in en`,
      `${A}/quiz.yaml:10: question "alpha-q1": a text question needs accepted answers in zh-Hans`,
    ]);
  });

  it("reports duplicate question ids across the course", () => {
    const course = "modules:\n  - 01-alpha\n  - 02-beta\n";
    const betaQuiz = QUIZ.replace("id: alpha-check", "id: beta-check");
    const betaEn = EN.replaceAll("alpha-check", "beta-check");
    const betaHans = HANS.replaceAll("alpha-check", "beta-check");
    expectErrors(
      alphaFiles({
        "course.yaml": course,
        "02-beta/lesson.en.md": betaEn,
        "02-beta/lesson.zh-Hans.md": betaHans,
        "02-beta/quiz.yaml": betaQuiz,
      }),
      [`lessons/02-beta/quiz.yaml:10: duplicate question id "alpha-q1" (already used at ${A}/quiz.yaml:10); ids are unique across the course`],
    );
  });

  it("reports a widget whose data file is missing, and invalid widget data", () => {
    const en = EN.replace("More text.", '::widget{name="preference-lab"}');
    const hans = HANS.replace("更多文字。", '::widget{name="preference-lab"}');
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans }), [
      `${A}/lesson.en.md:20: widget "preference-lab" needs preferences.yaml in 01-alpha/`,
    ]);
    const prefs = fs.readFileSync(path.join(validFixture, "02-feedback/preferences.yaml"), "utf8").replace("judge: a", "judge: c");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans, "01-alpha/preferences.yaml": prefs }), [
      `${A}/preferences.yaml:6: "pairs[0].judge": judge must be "a" or "b"`,
    ]);
  });

  it("collects every error of the course in one run", () => {
    const errors = errorsOf(
      compile(
        alphaFiles({
          "01-alpha/lesson.en.md": EN.replace("bigIdea: 3", "bigIdea: 9").replace(":cite[src]", ":cite[x]"),
          "01-alpha/lesson.zh-Hans.md": HANS.replace("{#two}", "{#deux}"),
          "01-alpha/quiz.yaml": QUIZ.replace("answer: a", "answer: z"),
        }),
      ),
    );
    expect(errors).toEqual([
      `${A}/lesson.en.md:7: "bigIdea": must be an AI4K12 big idea, 1 to 5`,
      `${A}/lesson.en.md:16: unknown source "x" in :cite (sources in the front matter: src)`,
      `${A}/lesson.zh-Hans.md:14: step 2 has id "deux" but step 2 of lesson.en.md has id "two"`,
      `${A}/quiz.yaml:8: question "alpha-check": answer "z" is not among the choices (a, b)`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("scripts/build-course.ts", () => {
  function run(args: string[]) {
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/build-course.ts", ...args], {
      cwd: repoRoot,
      encoding: "utf8",
    });
  }

  it("writes the compiled course and prints a summary", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lantern-out-")), "nested/course.json");
    tempDirs.push(path.dirname(path.dirname(out)));
    const result = run(["--lessons", "tests/fixtures/lessons-valid", "--out", out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^course [0-9a-f]{12}: 2 lessons, 4 steps, 3 questions, 1 checks, 2 teacher's guides in \d+ ms/);
    const written = JSON.parse(fs.readFileSync(out, "utf8")) as Course;
    expect(written.lessons.map((l) => l.slug)).toEqual(["first-steps", "feedback"]);
  }, 30_000);

  it("prints file:line: message for every error and exits 1 without writing", () => {
    const lessons = writeLessons(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("answer: a", "answer: c") }));
    const out = path.join(path.dirname(lessons), "course.json");
    const result = run(["--lessons", path.relative(repoRoot, lessons), "--out", out]);
    expect(result.status).toBe(1);
    const rel = path.relative(repoRoot, lessons).split(path.sep).join("/");
    expect(result.stderr).toContain(`${rel}/01-alpha/quiz.yaml:8: question "alpha-check": answer "c" is not among the choices (a, b)`);
    expect(fs.existsSync(out)).toBe(false);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------

describe("course.server", () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it("loads build/course.json from the working directory once, and serves lessons by slug", async () => {
    const { getCourse, getLesson, lessonSlugs, resetCourseCache } = await import("~/course/course.server");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-server-"));
    tempDirs.push(dir);
    process.chdir(dir);
    resetCourseCache();
    expect(() => getCourse()).toThrow(/run `npm run build:course`/);

    const course = courseOf(compileCourse(validFixture, { root: repoRoot, ...RELAXED }));
    fs.mkdirSync(path.join(dir, "build"));
    fs.writeFileSync(path.join(dir, "build/course.json"), JSON.stringify(course));
    expect(getCourse().version).toBe(course.version);
    expect(lessonSlugs()).toEqual(["first-steps", "feedback"]);
    expect(getLesson("feedback")?.number).toBe(2);
    expect(getLesson("nope")).toBeUndefined();

    // Cached: a changed file is not read again until the cache is reset.
    fs.writeFileSync(path.join(dir, "build/course.json"), JSON.stringify({ ...course, version: "changed" }));
    expect(getCourse().version).toBe(course.version);
    resetCourseCache();
    expect(getCourse().version).toBe("changed");
    resetCourseCache();
  });
});

describe("fair questions in quiz.yaml", () => {
  /** A quiz whose single-answer checks have their right answers at these source positions (0-based). */
  function quizWithAnswersAt(positions: number[]): string {
    const checks = positions
      .map((p, i) => {
        const ids = ["a", "b", "c"];
        const choices = ids.map((id) => `      - { id: ${id}, en: ${id.toUpperCase()}${i}, zh-Hans: 选${id}${i} }`).join("\n");
        return `  - id: alpha-check${i === 0 ? "" : `-${i}`}\n    type: single\n    prompt: { en: Pick, zh-Hans: 选 }\n    choices:\n${choices}\n    answer: ${ids[p]}`;
      })
      .join("\n");
    return `checks:\n${checks}\nquestions:\n  - id: alpha-q1\n    type: text\n    prompt: { en: Name it, zh-Hans: 说出名字 }\n    accepted: { en: [token], zh-Hans: [词元] }\n`;
  }

  it("fails when more than 40% of a file's single-answer questions have the right answer in one position", () => {
    const errors = errorsOf(compile(alphaFiles({ "01-alpha/quiz.yaml": quizWithAnswersAt([0, 0, 1, 2, 0]) })));
    expect(errors).toEqual([
      `${A}/quiz.yaml:1: 3 of 5 single-answer questions have the right answer in position 1 (at most 40%): reorder the choices of some of alpha-check, alpha-check-1, alpha-check-4`,
    ]);
    expect(errorsOf(compile(alphaFiles({ "01-alpha/quiz.yaml": quizWithAnswersAt([0, 1, 2, 0, 1]) })))).toEqual([]);
  });

  it("keeps every lesson of the real course within the limit", () => {
    const result = compileCourse(path.join(repoRoot, "lessons"));
    expect(errorsOf(result)).toEqual([]);
    for (const lesson of courseOf(result).lessons) {
      const singles = [...lesson.checks, ...lesson.quiz].filter((q) => q.type === "single");
      const counts = new Map<number, number>();
      for (const q of singles) {
        const p = q.content.en.choices.findIndex((c) => c.id === q.answer[0]);
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
      expect(Math.max(...counts.values()) / singles.length, lesson.slug).toBeLessThanOrEqual(0.4);
    }
  }, 30_000); // the whole real course: seconds on a busy shared machine

  it("compiles a pinned choice in every locale and rejects an unknown pin", () => {
    const pinned = QUIZ.replace("- { id: b, en: B, zh-Hans: 乙 }", "- { id: b, en: None of these, zh-Hans: 都不是, pin: last }");
    const lesson = courseOf(compile(alphaFiles({ "01-alpha/quiz.yaml": pinned }))).lessons[0]!;
    for (const locale of ["en", "zh-Hans", "zh-Hant"] as const) {
      expect(lesson.checks[0]!.content[locale].choices[1]).toMatchObject({ id: "b", pin: "last" });
    }
    expect(lesson.checks[0]!.content.en.choices[0]).not.toHaveProperty("pin");
    const bad = QUIZ.replace("- { id: b, en: B, zh-Hans: 乙 }", "- { id: b, en: B, zh-Hans: 乙, pin: middle }");
    expect(errorsOf(compile(alphaFiles({ "01-alpha/quiz.yaml": bad })))).toEqual([
      `${A}/quiz.yaml:7: "checks[0].choices[1].pin": pin must be first or last`,
    ]);
  });
});

describe("try-its for the mini model", () => {
  it("compiles a mini- check on the prompt next to the reply check, in every locale", () => {
    const body = ':::tryit{id="t-mini" check="lines" max="2" mini-check="contains" mini-value="name only"}\nReply with the name only.\n:::';
    const lesson = compileStep(body, body.replace("name only", "只写名字").replace("Reply with the name only.", "只写名字。"));
    expect(blocksOf(lesson)[0]).toMatchObject({ t: "tryit", check: { kind: "lines", max: 2 }, miniCheck: { kind: "contains", value: "name only" } });
    expect(blocksOf(lesson, "zh-Hant")[0]).toMatchObject({ miniCheck: { kind: "contains", value: "只寫名字" } });
  });

  it("reports a malformed mini- check", () => {
    const en = EN.replace("More text.", ':::tryit{id="t-bad" check="lines" max="2" mini-check="shout"}\nHi\n:::');
    const errors = errorsOf(compile(alphaFiles({ "01-alpha/lesson.en.md": en })));
    expect(errors.some((e) => e.includes('tryit: unknown mini-check "shout"'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 14: diagrams, predict/discuss, and the step rules.

describe("diagrams", () => {
  it("renders ::diagram to an accessible SVG in en, zh-Hans and zh-Hant (Traditional characters)", () => {
    const lesson = compileStep('::diagram{name="predict-append-loop"}\n\n::check{id="alpha-check"}');
    const svgOf = (locale: "en" | "zh-Hans" | "zh-Hant") => {
      const block = blocksOf(lesson, locale)[0];
      if (block?.t !== "diagram") throw new Error(`no diagram in ${locale}`);
      expect(block.name).toBe("predict-append-loop");
      return block.svg;
    };
    const en = svgOf("en");
    expect(en).toMatch(/^<svg [^>]*role="img"/);
    expect(en).toContain('aria-labelledby="diagram-predict-append-loop-title"');
    expect(en).toContain('aria-describedby="diagram-predict-append-loop-desc"');
    expect(en).toMatch(/viewBox="0 0 360 \d+"/);
    expect(en).toContain('<title id="diagram-predict-append-loop-title">The predict-and-append loop</title>');
    expect(en).toMatch(/<desc id="diagram-predict-append-loop-desc">A loop of three steps\. .{200,}<\/desc>/);
    expect(en).toContain(">After school, I like to play</tspan>");
    expect(en).not.toMatch(/<script|on[a-z]+=/i);
    const hans = svgOf("zh-Hans");
    expect(hans).toContain("<title id=\"diagram-predict-append-loop-title\">“预测—追加”循环</title>");
    expect(hans).toContain(">放学后，我喜欢玩</tspan>");
    const hant = svgOf("zh-Hant");
    expect(hant).toContain("<title id=\"diagram-predict-append-loop-title\">「預測—追加」循環</title>");
    expect(hant).toContain(">放學後，我喜歡玩</tspan>");
    expect(hant).toMatch(/<desc[^>]*>一個由三步組成的循環/);
    expect(hant).not.toMatch(/[预测环学欢読]/);
  });

  it("keeps every registered diagram's text complete and even in both languages", () => {
    for (const name of Object.keys(DIAGRAMS)) {
      const found = lookUpDiagram(name);
      expect(found.ok ? "ok" : found.message, name).toBe("ok");
      if (!found.ok) continue;
      for (const locale of ["en", "zh-Hans", "zh-Hant"] as const) {
        const svg = renderDiagram(name, found.module, locale);
        expect(svg, `${name} ${locale}`).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]{80,}<\/desc>/);
      }
    }
  });

  it("reports an unknown diagram, one without a name, and one placed in only one language", () => {
    const en = EN.replace("More text.", '::diagram{name="no-such-thing"}\n\n::diagram');
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: unknown diagram "no-such-thing" (known: ${Object.keys(DIAGRAMS).join(", ")}); add app/course/diagrams/no-such-thing.tsx and list it in app/course/diagrams/index.ts`,
      `${A}/lesson.en.md:24: diagram needs a name: ::diagram{name="…"}`,
    ]);
    const onlyEnglish = EN.replace("More text.", '::diagram{name="training-stages"}');
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": onlyEnglish }), [
      `${A}/lesson.zh-Hans.md:14: this step's diagrams (none) differ from lesson.en.md (training-stages): both languages place the same diagrams`,
    ]);
  });

  it("reports a diagram whose text misses a language or a key", () => {
    const Diagram = () => null;
    const registry = {
      half: { text: { en: { title: "T", desc: "D", label: "L" } } as never, Diagram },
      uneven: { text: { en: { title: "T", desc: "D", label: "L" }, "zh-Hans": { title: "标题", desc: "" } }, Diagram },
    };
    expect(lookUpDiagram("half", registry)).toEqual({ ok: false, message: 'diagram "half": no zh-Hans text' });
    expect(lookUpDiagram("uneven", registry)).toEqual({
      ok: false,
      message: 'diagram "uneven": zh-Hans text is missing "desc", "label"',
    });
    expect(diagramTextProblems({ en: { label: "x" }, "zh-Hans": { label: "x" } })).toEqual([
      'en text is missing "title", "desc"',
      'zh-Hans text is missing "title", "desc"',
    ]);
  });
});

describe("predict and discuss", () => {
  it("compiles :::predict into the question and the reveal, and :::discuss into a box, in every locale", () => {
    const lesson = compileStep(
      ":::predict\nWhich token comes next?\n\n::reveal\n\n*football*, most often.\n:::\n\n:::discuss\nIs that fair?\n:::",
      ":::predict\n下一个词元是什么？\n\n::reveal\n\n多半是*篮球*。\n:::\n\n:::discuss\n这样公平吗？\n:::",
    );
    expect(blocksOf(lesson)).toEqual([
      {
        t: "predict",
        c: [{ t: "p", c: [{ t: "text", v: "Which token comes next?" }] }],
        reveal: [{ t: "p", c: [{ t: "em", c: [{ t: "text", v: "football" }] }, { t: "text", v: ", most often." }] }],
      },
      { t: "discuss", c: [{ t: "p", c: [{ t: "text", v: "Is that fair?" }] }] },
    ]);
    expect(JSON.stringify(blocksOf(lesson, "zh-Hant"))).toContain("下一個詞元是什麼？");
    expect(JSON.stringify(blocksOf(lesson, "zh-Hant"))).toContain("這樣公平嗎？");
  });

  it("reports a predict without ::reveal or without a question, and a stray ::reveal", () => {
    const en = EN.replace("More text.", ":::predict\nGuess.\n:::\n\n:::predict\n::reveal\n\nAnswer.\n:::\n\n::reveal");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en }), [
      `${A}/lesson.en.md:22: predict needs ::reveal on its own line between the question and what it reveals`,
      `${A}/lesson.en.md:26: predict needs a question before ::reveal`,
      `${A}/lesson.en.md:32: ::reveal belongs inside :::predict, between the question and what it reveals`,
    ]);
  });
});

describe("step rules", () => {
  const STRICT: CompileOptions = { ...RELAXED, strictSteps: true };
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
  /**
   * The alpha lesson with step two's English side replaced (zh-Hans stays short). By default the
   * step keeps its discussion (3 words: "Talk about it.") so it has something to do.
   */
  const withStepTwo = (heading: string, body: string, activity = ":::discuss\nTalk about it.\n:::") =>
    alphaFiles({ "01-alpha/lesson.en.md": EN.replace(/## Two \{#two\}[\s\S]*$/, `## Two ${heading}\n\n${body}\n\n${activity}\n`) });

  it("fails a step of 260 English words in strict mode, and only warns otherwise", () => {
    const files = withStepTwo("{#two}", words(257));
    const message = `${A}/lesson.en.md:20: step "two" has 260 words, more than 250; split the step, or give a limit and the reason in its heading: {#two words="260: why this step needs it"}`;
    expectErrors(files, [message], STRICT);
    const relaxed = compile(files, { ...RELAXED, strictSteps: false });
    expect(errorsOf(relaxed)).toEqual([]);
    expect(warningsOf(relaxed)).toEqual([message]);
  });

  it("passes a long step whose heading gives a limit and a reason, and still fails one above that limit", () => {
    const reason = 'words="320: the worked example needs the whole table"';
    expect(errorsOf(compile(withStepTwo(`{#two ${reason}}`, words(257)), STRICT))).toEqual([]);
    expectErrors(withStepTwo(`{#two ${reason}}`, words(318)), [
      `${A}/lesson.en.md:20: step "two" has 321 words, more than its words="320: …" override`,
    ], STRICT);
  });

  it("rejects an override without a reason, or an unknown heading attribute, even when not strict", () => {
    expectErrors(withStepTwo('{#two words="320"}', words(257)), [
      `${A}/lesson.en.md:20: words="320" needs a limit and a reason: words="320: the worked example needs the whole table"`,
      `${A}/lesson.en.md:20: step "two" has 260 words, more than 250; split the step, or give a limit and the reason in its heading: {#two words="260: why this step needs it"}`,
    ], STRICT);
    expectErrors(withStepTwo('{#two words="320:   "}', "Short."), [
      `${A}/lesson.en.md:20: words="320:   " needs a limit and a reason: words="320: the worked example needs the whole table"`,
    ]);
    expectErrors(withStepTwo('{#two length="3"}', "Short."), [`${A}/lesson.en.md:20: unknown step heading attribute "length" (known: words)`]);
  });

  it("counts only the prose a student reads: not code, try-it prompts, checks or diagrams", () => {
    const code = "```\n" + words(300) + "\n```";
    const tryit = `:::tryit{id="t1" check="words" max="50"}\n${words(300)}\n:::`;
    const body = `${words(240)}\n\n${code}\n\n${tryit}\n\n::diagram{name="training-stages"}\n\n::check{id="alpha-check"}`;
    expect(stepWordCount(blocksOf(compileStep(body)))).toBe(240);
    const counted = "- one two\n- three\n\n| a b | c |\n| --- | --- |\n| d | e f |\n\n> quoted words here\n\n:::callout{kind=\"note\" title=\"Two words\"}\nand **four** more `words`\n:::";
    // 3 (list) + 6 (table) + 3 (quote) + 2 (title) + 4 (body) = 18
    expect(stepWordCount(blocksOf(compileStep(`${counted}\n\n::check{id="alpha-check"}`)))).toBe(18);
  });

  it("counts each Chinese character as one word, with a limit of 450 for 简体中文", () => {
    // n − 5 characters, "AI" and 模, and the 3 characters of the discussion.
    const hans = (n: number) =>
      HANS.replace(/## 二 \{#two\}[\s\S]*$/, `## 二 {#two}\n\n${"字".repeat(n - 5)} AI 模\n\n:::discuss\n聊一聊。\n:::\n`);
    expect(errorsOf(compile(alphaFiles({ "01-alpha/lesson.zh-Hans.md": hans(450) }), STRICT))).toEqual([]);
    expectErrors(alphaFiles({ "01-alpha/lesson.zh-Hans.md": hans(451) }), [
      `${A}/lesson.zh-Hans.md:14: step "two" has 451 words (each Chinese character counts as one), more than 450; split the step, or give a limit and the reason in its heading: {#two words="451: why this step needs it"}`,
    ], STRICT);
  });

  it("flags a step with nothing to do; a diagram alone does not count, predict and discuss do", () => {
    const nothing = `${A}/lesson.en.md:20: step "two" has nothing for the student to do: add a ::check, ::widget, :::tryit, :::predict or :::discuss`;
    expectErrors(withStepTwo("{#two}", "Just reading.", ""), [nothing], STRICT);
    expectErrors(withStepTwo("{#two}", '::diagram{name="training-stages"}', ""), [
      nothing,
      `${A}/lesson.zh-Hans.md:14: this step's diagrams (none) differ from lesson.en.md (training-stages): both languages place the same diagrams`,
    ], STRICT);
    expect(errorsOf(compile(withStepTwo("{#two}", "Read.", ":::predict\nGuess.\n\n::reveal\n\nThis.\n:::"), STRICT))).toEqual([]);
    expect(errorsOf(compile(withStepTwo("{#two}", "Read.", ":::discuss\nTalk.\n:::"), STRICT))).toEqual([]);
    // Nested inside a callout still counts.
    expect(errorsOf(compile(withStepTwo("{#two}", "Read.", ':::callout{kind="tip"}\n::widget{name="tokenizer"}\n:::'), STRICT))).toEqual([]);
  });

  it("wants objectives in the student's voice: “I can …”, “我能……” or “我可以……”", () => {
    const en = EN.replace("  - I can learn.", "  - Learn.\n  - I can do it.");
    const hans = HANS.replace("  - 我能学习。", "  - 学习。\n  - 我可以做到。");
    expectErrors(alphaFiles({ "01-alpha/lesson.en.md": en, "01-alpha/lesson.zh-Hans.md": hans }), [
      `${A}/lesson.en.md:6: objective 1 is not in the student's voice: start it like “I can explain …”`,
      `${A}/lesson.zh-Hans.md:5: objective 1 is not in the student's voice: start it like “我能说明……”`,
    ], STRICT);
  });

  it("is strict by default, only warns with LANTERN_STRICT_STEPS=0, and an option overrides both", () => {
    const files = withStepTwo("{#two}", "Just reading.", "");
    const before = process.env.LANTERN_STRICT_STEPS;
    try {
      delete process.env.LANTERN_STRICT_STEPS;
      expect(errorsOf(compile(files, RELAXED))).toHaveLength(1);
      process.env.LANTERN_STRICT_STEPS = "1";
      expect(errorsOf(compile(files, RELAXED))).toHaveLength(1);
      process.env.LANTERN_STRICT_STEPS = "0";
      const optedOut = compile(files, RELAXED);
      expect(errorsOf(optedOut)).toEqual([]);
      expect(warningsOf(optedOut)).toHaveLength(1);
      expect(errorsOf(compile(files, { ...RELAXED, strictSteps: true }))).toHaveLength(1);
      delete process.env.LANTERN_STRICT_STEPS;
      expect(errorsOf(compile(files, { ...RELAXED, strictSteps: false }))).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.LANTERN_STRICT_STEPS;
      else process.env.LANTERN_STRICT_STEPS = before;
    }
  });
});

describe("objectives mapped to questions", () => {
  it("compiles objectives: [n], reports one that does not exist, and warns about an objective nothing shows", () => {
    const lesson = courseOf(compile(alphaFiles())).lessons[0]!;
    expect(lesson.quiz[0]!.objectives).toEqual([1]);
    expect(lesson.checks[0]!.objectives).toEqual([]);
    expectErrors(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("objectives: [1]", "objectives: [1, 3]") }), [
      `${A}/quiz.yaml:14: question "alpha-q1": objective 3 does not exist (the lesson has 1)`,
    ]);
    const unmapped = compile(alphaFiles({ "01-alpha/quiz.yaml": QUIZ.replace("    objectives: [1]\n", "") }));
    expect(warningsOf(unmapped)).toEqual([
      `${A}/lesson.en.md:6: objective 1 is not shown by any check or quiz question, so the finish screen never ticks it: add "objectives: [1]" to the questions in quiz.yaml that show it`,
    ]);
  });
});

describe("recorded.yaml: a real model's reply per try-it", () => {
  const tryit = (body: string) => `:::tryit{id="t1" check="contains" value="${body}"}\nSay ${body}.\n:::`;
  const files = (recorded: string) =>
    alphaFiles({
      "01-alpha/lesson.en.md": EN.replace("More text.", tryit("yes")),
      "01-alpha/lesson.zh-Hans.md": HANS.replace("更多文字。", tryit("是")),
      "01-alpha/recorded.yaml": recorded,
    });
  const header = 'model: "Claude (Anthropic)"\nrecorded: 2026-12-04\nreplies:\n';

  it("gives each try-it its reply, zh-Hant converted", () => {
    const course = courseOf(compile(files(`${header}  t1:\n    en: "Yes, I can."\n    zh-Hans: "是的，可以。这个说法没问题。"\n`)));
    const block = (locale: "en" | "zh-Hans" | "zh-Hant") => course.lessons[0]!.content[locale].steps[1]!.blocks.find((b) => b.t === "tryit");
    expect(block("en")).toMatchObject({ recorded: { model: "Claude (Anthropic)", date: "2026-12-04", reply: "Yes, I can." } });
    expect(block("zh-Hant")).toMatchObject({ recorded: { reply: "是的，可以。這個說法沒問題。" } });
  });

  it("refuses a reply that fails its own check, and a reply for no try-it", () => {
    expectErrors(files(`${header}  t1:\n    en: "No."\n    zh-Hans: "是"\n  t2:\n    en: "x"\n    zh-Hans: "x"\n`), [
      `${A}/recorded.yaml:5: the recorded en reply of try-it "t1" fails its own check`,
      `${A}/recorded.yaml:7: no try-it "t2" in this lesson (a misspelt id?)`,
    ]);
  });

  it("warns when a try-it has no recorded reply", () => {
    const result = compile(alphaFiles({ "01-alpha/lesson.en.md": EN.replace("More text.", tryit("yes")), "01-alpha/lesson.zh-Hans.md": HANS.replace("更多文字。", tryit("是")) }));
    expect(warningsOf(result)).toContain(`${A}/recorded.yaml:1: try-it "t1" has no recorded en reply: students without a real model cannot complete it`);
  });
});
