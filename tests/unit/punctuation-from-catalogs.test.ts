/**
 * Punctuation around a translated label or a value comes from the catalogs, never typed in a
 * page's markup: Chinese writes "班级码：3CQM43" and "阿卜杜拉·买买提（abudula.maimaiti）", English
 * "Join code: 3CQM43" and "Ada (ada.l)". Found in a walk as a mainland teacher: "班级码: 3CQM43"
 * on every class page, "✓ 正确答案: …", "学生 (3)", "学校本地模型 (已启用)".
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** Where markup types punctuation of its own beside an expression: file:line and the text. */
function typedPunctuation(pattern: RegExp): string[] {
  return tsxFiles(path.join(ROOT, "app")).flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (pattern.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe("punctuation beside a label or a value", () => {
  it("no colon typed after an expression in markup ({t(…)}: …): withColon and guide.colon give the reader's", () => {
    // a JSX expression, not a template literal's `${…}` (a log line's "error GET /x: …" is no markup)
    expect(typedPunctuation(/(?<!\$)\{(?:[^{}]|\{[^{}]*\})*\)\}:(?:\s|\{)/)).toEqual([]);
  });

  it("no brackets typed around an expression in markup (…>({…})): common.inParentheses gives the reader's", () => {
    expect(typedPunctuation(/(?<!=)>\s?\(\{\S[^}]*\}\)/)).toEqual([]);
  });
});
