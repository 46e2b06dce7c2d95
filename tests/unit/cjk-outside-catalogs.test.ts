/**
 * Chinese (or any CJK) text the interface shows lives in the catalogs (app/i18n/catalog/), where
 * 简体中文 is written once and 繁體中文 derived from it. Text hand-written in code drifts: the
 * playground's own screening message once called it 試驗場 while the catalog said 練習場.
 *
 * This reads every string, template and JSX text in app/ and server/ with TypeScript's parser.
 * Comments are not read (they are not shown), nor are regular-expression literals (a pattern
 * matches what someone typed; it is never shown). Files whose Chinese is data, not interface
 * text, are listed below, each with its reason.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "server"];
const CATALOGS = "app/i18n/catalog/";

/** Files (or folders, ending in "/") whose CJK text may stay, and why. */
const ALLOWED: Record<string, string> = {
  "app/playground/crisis.ts": "crisis phrases and the 繁→简 folding table: patterns matched against what a student types",
  "app/playground/low-mood.ts": "low-mood phrases: patterns matched against what a student types, never shown",
  "app/playground/screening.ts": "flag words: matched against what a student types, never shown",
  "app/playground/screen-personal-data.ts": "personal-data patterns (addresses, schools, keywords): matched against what a student types, never shown",
  "app/playground/screen-passwords.ts": "the word for a password (密码, 口令, PIN码) and its verbs: matched against what a student types, never shown",
  "app/playground/warm-up.server.ts": "two short sample messages the screen reads once after a start, to compile its patterns; never shown",
  "app/playground/screen-word-lists.ts": "emoji read as the Chinese character they stand for: matched against what a student types",
  "app/playground/screen-phrases.ts": "request phrases (weapons, bullying, drugs, rules): matched against what a student types, never shown",
  "app/playground/normalize-text.ts": "Chinese numerals and their digits: a table for reading what a student types",
  "app/playground/held-up.ts": "question words and quotation marks: patterns matched against what a student types, never shown",
  "app/playground/helplines.ts": "help lines' names as they publish them: the screen reads their numbers, the names are never shown",
  "app/playground/harmful-reply.ts": "phrases of a model's reply that harms a child: matched against what a model writes, never shown",
  "app/playground/message-language.ts": "Cantonese's own characters: read to tell which script a student wrote in, never shown",
  "app/playground/mini-model-engine.server.ts": "words the offline model skips when it looks for a question's topic",
  "app/course/build/": "the lesson compiler: its Chinese is about Chinese text (glossary, spacing, an objective's form) in messages to lesson authors",
  "app/course/diagrams/": "course content like lessons/: each diagram's en and zh-Hans words sit beside the drawing that places them; the course build derives zh-Hant",
  "app/components/widgets/samples.ts": "the sentences the tokenizer widget measures: data (the English one stays English in every locale)",
  "app/i18n/locales.ts": "each language's name in that language (简体中文, 繁體中文), the same in every locale on purpose",
  "app/i18n/hant.ts": "the 简→繁 converter's fix-up table",
  "server/demo/": "the demo school's seeded chats: stored data, like a student's message",
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f]/u;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) ? [file] : [];
  });
}

/** Every piece of literal text in a file that contains CJK, with its line. */
function cjkLiterals(file: string, code = fs.readFileSync(file, "utf8")): { line: number; text: string }[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const text = ts.isJsxText(node) ? node.getText(source) : node.text;
      if (CJK.test(text)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: text.trim().slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const allowed = (file: string) => Object.keys(ALLOWED).some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry));

describe("CJK text outside the catalogs", () => {
  it("appears only in the catalogs and the data files listed here", () => {
    const offenders = ROOTS.flatMap(sourceFiles)
      .filter((file) => !file.startsWith(CATALOGS) && !allowed(file))
      .flatMap((file) => cjkLiterals(file).map(({ line, text }) => `${file}:${line} ${text}`));
    expect(offenders).toEqual([]);
  });

  it("finds what it looks for (a string, a template, JSX text) and skips comments and patterns", () => {
    const code = [
      "// 注释不算",
      'const a = "练习场";',
      "const b = `你好 ${a}`;",
      "const c = /想死/;",
      "export const d = <p>试验场</p>;",
    ].join("\n");
    expect(cjkLiterals("probe.tsx", code).map((found) => found.line)).toEqual([2, 3, 5]);
  });

  it("lists only entries that exist", () => {
    for (const entry of Object.keys(ALLOWED)) expect(fs.existsSync(entry), entry).toBe(true);
  });
});
