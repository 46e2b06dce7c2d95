/**
 * Front matter: the YAML block between `---` lines at the top of a lesson file, and the zod
 * schemas for it. The English file holds every field; the 简体中文 file only what is translated.
 */
import { z } from "zod";

export interface SplitLesson {
  /** The YAML text, or null when the file does not start with `---`. */
  yaml: string | null;
  /** Lines before the YAML text (the opening `---`), to turn YAML lines into file lines. */
  yamlLineOffset: number;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Lines before the body, to turn Markdown lines into file lines. */
  bodyLineOffset: number;
}

/** Splits `---\nyaml\n---\nmarkdown`. Line endings are normalised so line numbers stay true. */
export function splitFrontMatter(source: string): SplitLesson {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") {
    return { yaml: null, yamlLineOffset: 0, body: text, bodyLineOffset: 0 };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    return { yaml: null, yamlLineOffset: 0, body: text, bodyLineOffset: 0 };
  }
  return {
    yaml: lines.slice(1, close).join("\n"),
    yamlLineOffset: 1,
    body: lines.slice(close + 1).join("\n"),
    bodyLineOffset: close + 1,
  };
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_RULE = "lowercase letters, digits and dashes";

/** Ids that end up in URLs and progress rows. */
export const idSchema = z.string().regex(ID_PATTERN, { error: `an id uses only ${ID_RULE}` });

const text = z.string().trim().min(1, { error: "must not be empty" });

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "a source id uses only letters, digits, - and _" }),
  title: text,
  publisher: text.optional(),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
});

export const englishFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  minutes: z.number({ error: "must be a number of minutes" }).int().positive().max(240),
  objectives: z.array(text).min(1, { error: "list at least one objective" }),
  bigIdea: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
    error: "must be an AI4K12 big idea, 1 to 5",
  }),
  gradeBand: text,
  sources: z.array(sourceSchema).default([]),
});
export type EnglishFrontMatter = z.output<typeof englishFrontMatterSchema>;

export const translatedFrontMatterSchema = z.strictObject({
  title: text,
  summary: text,
  objectives: z.array(text).min(1, { error: "list at least one objective" }),
});
export type TranslatedFrontMatter = z.output<typeof translatedFrontMatterSchema>;

export const TRANSLATED_FIELDS_HINT =
  "the 简体中文 file holds only title, summary and objectives; the rest comes from lesson.en.md";
