/**
 * 简体中文 house style (app/course/build/zh-hans-style.ts): one glossary term per idea and a
 * half-width space between Chinese and Latin letters or digits, in every zh-Hans text we ship.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageTexts } from "../../app/i18n/plural";
import { zhHans } from "../../app/i18n/catalog/zh-Hans";
import {
  checkZhHansStyle,
  findGlossaryVariants,
  findMissingSpaces,
  lineOf,
  loadGlossary,
  type GlossaryEntry,
} from "~/course/build/zh-hans-style";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const lessonsDir = path.join(repoRoot, "lessons");
const glossary = loadGlossary(path.join(lessonsDir, "glossary.zh-Hans.yaml"));

/**
 * Lesson texts (lesson.zh-Hans.md) follow the rules since lessons 01–07 were rewritten, so their
 * style problems fail like everything else. False would print them as warnings only.
 */
const LESSON_TEXT_STYLE_IS_ENFORCED = true;

function zhHansFiles(pattern: RegExp): string[] {
  const modules = fs.readdirSync(lessonsDir).filter((name) => /^\d\d-/.test(name));
  const inModules = modules.flatMap((dir) =>
    fs.readdirSync(path.join(lessonsDir, dir)).map((name) => path.join("lessons", dir, name)),
  );
  return [...inModules, ...fs.readdirSync(lessonsDir).map((name) => path.join("lessons", name))].filter((file) =>
    pattern.test(path.basename(file)),
  );
}

function problemsIn(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(repoRoot, file), "utf8");
    return checkZhHansStyle(text, glossary).map((issue) => `${file}:${lineOf(text, issue.index)}: ${issue.message}`);
  });
}

describe("简体中文 style in what we ship", () => {
  it("teacher's guides, teaching plans and quiz and widget data follow the glossary and spacing rule", () => {
    const files = zhHansFiles(/^(guide\.zh-Hans\.md|teaching-plan\.zh-Hans\.md|.+\.yaml)$/).filter(
      (file) => !file.endsWith("glossary.zh-Hans.yaml"),
    );
    expect(files.length).toBeGreaterThan(15);
    expect(problemsIn(files)).toEqual([]);
  });

  it("the interface catalog follows the glossary and spacing rule", () => {
    const problems = Object.entries(zhHans).flatMap(([key, value]) =>
      messageTexts(value).flatMap((text) => checkZhHansStyle(text, glossary).map((issue) => `${key}: ${issue.message}`)),
    );
    expect(problems).toEqual([]);
  });

  it("lesson texts follow the glossary and spacing rule", () => {
    const problems = problemsIn(zhHansFiles(/^lesson\.zh-Hans\.md$/));
    if (LESSON_TEXT_STYLE_IS_ENFORCED) expect(problems).toEqual([]);
    else if (problems.length > 0) console.warn(`zh-Hans lesson style, ${problems.length} to fix:\n${problems.join("\n")}`);
  });
});

describe("the glossary check", () => {
  const entries: GlossaryEntry[] = [
    { en: "token", term: "词元", variants: ["令牌"], allow: ["ID 令牌"] },
    { en: "context window", term: "上下文窗口", variants: ["上下文窗"], allow: [] },
  ];

  it("finds a variant and names the term to write", () => {
    expect(findGlossaryVariants("每个令牌都有概率", entries)).toEqual([{ index: 2, message: "write 词元 (token), not 令牌" }]);
  });

  it("leaves the term itself and allowed phrases alone, even when they contain a variant", () => {
    expect(findGlossaryVariants("上下文窗口有多大？ID 令牌里有群组。", entries)).toEqual([]);
  });

  it("every glossary entry is well formed: the term is not also listed as its own variant", () => {
    for (const entry of glossary) expect(entry.variants, entry.en).not.toContain(entry.term);
  });
});

describe("the spacing check", () => {
  it("wants a half-width space between Chinese and Latin letters or digits, both ways", () => {
    expect(findMissingSpaces("用Claude写").map((i) => i.index)).toEqual([0, 6]);
    expect(findMissingSpaces("2023年8月")).toHaveLength(3);
    expect(findMissingSpaces("Claude 3 模型在 2023 年 8 月发布")).toEqual([]);
  });

  it("leaves code, links and titles quoted as published alone", () => {
    expect(findMissingSpaces("见《中小学人工智能通识教育指南（2025年版）》")).toEqual([]);
    expect(findMissingSpaces("运行 `npm run i18n:hant命令`")).toEqual([]);
    expect(findMissingSpaces("```\n今年13岁\n```")).toEqual([]);
    expect(findMissingSpaces("见 https://example.com/指南 ")).toEqual([]);
    // Accepted quiz answers are compared as typed: they keep the unspaced forms students write.
    expect(findMissingSpaces('    accepted:\n      zh-Hans: ["9倍", "9 倍"]\n    explanation: 约9倍\n')).toHaveLength(2);
  });

  it("reports the line of each problem", () => {
    const text = "第一行\n第二行用Claude";
    const [issue] = findMissingSpaces(text);
    expect(issue && lineOf(text, issue.index)).toBe(2);
  });
});
