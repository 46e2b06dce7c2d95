/**
 * Two house rules for 简体中文 text, checked the same way in lessons, guides, quizzes, teaching
 * plans and the interface catalogs (docs/conventions.md, lessons/README.md):
 *
 * 1. One word for each idea: lessons/glossary.zh-Hans.yaml names the term and its variants.
 * 2. A half-width space between Chinese characters and Latin letters or digits
 *    (`Claude 3 模型`, `2023 年 8 月`), except inside titles quoted as published (《…（2025年版）》),
 *    code, and links.
 *
 * Build-time and test-time only.
 */
import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export interface GlossaryEntry {
  en: string;
  term: string;
  variants: string[];
  allow: string[];
}

const glossarySchema = z.array(
  z.object({
    en: z.string().min(1),
    term: z.string().min(1),
    variants: z.array(z.string().min(1)).min(1),
    allow: z.array(z.string().min(1)).default([]),
  }),
);

export function loadGlossary(file: string): GlossaryEntry[] {
  return glossarySchema.parse(parse(fs.readFileSync(file, "utf8")));
}

/** One rule broken at `index` of the checked text. */
export interface StyleIssue {
  index: number;
  message: string;
}

/** Variants of glossary terms. The term itself and `allow` phrases are blanked first, so a variant inside them (上下文窗 in 上下文窗口) is not one. */
export function findGlossaryVariants(text: string, glossary: readonly GlossaryEntry[]): StyleIssue[] {
  const issues: StyleIssue[] = [];
  for (const entry of glossary) {
    let masked = text;
    for (const keep of [entry.term, ...entry.allow]) masked = masked.replaceAll(keep, (m) => "\u0000".repeat(m.length));
    for (const variant of entry.variants) {
      for (let at = masked.indexOf(variant); at !== -1; at = masked.indexOf(variant, at + variant.length)) {
        issues.push({ index: at, message: `write ${entry.term} (${entry.en}), not ${variant}` });
      }
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}

const HAN = "\\p{Script=Han}";
const LATIN_OR_DIGIT = "[A-Za-z0-9]";
// A lookahead, so that in 2023年8月 both 3年 and 年8 are found.
const MISSING_SPACE = new RegExp(`(?=(${HAN}${LATIN_OR_DIGIT}|${LATIN_OR_DIGIT}${HAN}))`, "gu");

/** Spans the spacing rule does not apply to: fenced and inline code, published titles, URLs. Same length, so indexes and lines stay. */
const EXEMPT = /```[\s\S]*?```|`[^`\n]*`|《[^》\n]*》|https?:\/\/\S+/g;

/** A quiz's `accepted:` answers are matched as a student types them, so they list unspaced forms too. */
const ACCEPTED_ANSWERS = /^( *)accepted:\n(?:\1 +.*\n)*/gm;

/** Chinese characters written directly against Latin letters or digits. */
export function findMissingSpaces(text: string): StyleIssue[] {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  const masked = text.replace(EXEMPT, blank).replace(ACCEPTED_ANSWERS, blank);
  return [...masked.matchAll(MISSING_SPACE)].map((match) => ({
    index: match.index,
    message: `half-width space between Chinese and Latin letters or digits: “${match[1] ?? ""}”`,
  }));
}

export function checkZhHansStyle(text: string, glossary: readonly GlossaryEntry[]): StyleIssue[] {
  return [...findGlossaryVariants(text, glossary), ...findMissingSpaces(text)].sort((a, b) => a.index - b.index);
}

/** 1-based line of `index` in `text`, for `file:line:` messages. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
