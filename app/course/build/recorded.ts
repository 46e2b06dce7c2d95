/**
 * `lessons/NN-slug/recorded.yaml`: a real model's reply to each try-it, in en and zh-Hans, for
 * classes without a real model (the offline mini model only continues text). The student judges
 * the recorded reply instead, graded by the same check as a live one, so the build refuses a
 * recorded reply that fails its own try-it's check (in zh-Hant too, after conversion).
 *
 *   model: "Claude (Anthropic)"   # said truthfully: no model id that cannot be verified
 *   recorded: 2026-12-04
 *   replies:
 *     <tryit id>:
 *       en: |
 *         …
 *       zh-Hans: |
 *         …
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { gradeTryIt } from "../tryit-check";
import type { Block, RecordedReply } from "../types";
import { hantCheck } from "./derive-hant";
import type { ContentIssues } from "./errors";
import { toHant } from "../../i18n/hant";
import { locate, locateKey, parseYamlFile, validateYaml } from "./yaml-file";

export const RECORDED_FILE = "recorded.yaml";

const text = z.string({ error: "write the reply as text (a YAML block: `en: |`)" }).trim().min(1, { error: "the reply is empty" });
const recordedSchema = z.strictObject({
  model: z.string().trim().min(1),
  // Quoted or not, a date stays text: the yaml package's core schema has no timestamp type.
  recorded: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "write the date as YYYY-MM-DD" }),
  replies: z.record(z.string(), z.strictObject({ en: text, "zh-Hans": text })),
});

type TryItBlock = Extract<Block, { t: "tryit" }>;
export type RecordedLocale = "en" | "zh-Hans";

/** Try-it id → its recorded reply per authored locale, and the line each starts on (for messages). */
export interface RecordedReplies {
  byId: Map<string, Record<RecordedLocale, RecordedReply>>;
  /** The line of a try-it's id, or of one language's reply. */
  lineOf(id: string, locale?: RecordedLocale): number;
}

/** null when the file is absent or invalid (an invalid one is reported). */
export function readRecordedReplies(dir: string, relFile: string, issues: ContentIssues): RecordedReplies | null {
  const file = path.join(dir, RECORDED_FILE);
  if (!fs.existsSync(file)) return null;
  const yaml = parseYamlFile(fs.readFileSync(file, "utf8"), relFile, issues);
  const data = yaml ? validateYaml(yaml, recordedSchema, issues) : null;
  if (!yaml || !data) return null;
  const byId = new Map<string, Record<RecordedLocale, RecordedReply>>();
  for (const [id, byLocale] of Object.entries(data.replies)) {
    const of = (reply: string): RecordedReply => ({ model: data.model, date: data.recorded, reply });
    byId.set(id, { en: of(byLocale.en), "zh-Hans": of(byLocale["zh-Hans"]) });
  }
  return { byId, lineOf: (id, locale) => (locale ? locate(yaml, ["replies", id, locale]).line : locateKey(yaml, ["replies"], id)) };
}

/**
 * Gives each try-it block its recorded reply. Errors: a reply for a try-it the lesson does not
 * have, a reply its check fails. A try-it without one is a warning (the lesson still works).
 */
export function attachRecordedReplies(
  blocksByLocale: Record<RecordedLocale, Block[][]>,
  replies: RecordedReplies | null,
  where: { file: string },
  issues: ContentIssues,
): Record<RecordedLocale, Block[][]> {
  const lineOf = (id: string, locale?: RecordedLocale) => replies?.lineOf(id, locale) ?? 1;
  const seen = new Set<string>();
  const attach = (locale: RecordedLocale) => (block: TryItBlock): TryItBlock => {
    seen.add(block.id);
    const recorded = replies?.byId.get(block.id)?.[locale];
    if (!recorded) {
      issues.warn(where.file, 1, `try-it "${block.id}" has no recorded ${locale} reply: students without a real model cannot complete it`);
      return block;
    }
    const failing = failingCheck(block, recorded.reply, locale);
    if (failing) issues.error(where.file, lineOf(block.id, locale), `the recorded ${failing} reply of try-it "${block.id}" fails its own check`);
    return { ...block, recorded };
  };
  const result = {
    en: blocksByLocale.en.map((blocks) => mapTryIts(blocks, attach("en"))),
    "zh-Hans": blocksByLocale["zh-Hans"].map((blocks) => mapTryIts(blocks, attach("zh-Hans"))),
  };
  for (const id of replies?.byId.keys() ?? []) {
    if (!seen.has(id)) issues.error(where.file, lineOf(id), `no try-it "${id}" in this lesson (a misspelt id?)`);
  }
  return result;
}

/** The locale whose check the reply fails ("zh-Hant": after conversion), or null. */
function failingCheck(block: TryItBlock, reply: string, locale: RecordedLocale): string | null {
  if (!gradeTryIt(block.check, reply).passed) return locale;
  if (locale === "zh-Hans" && !gradeTryIt(hantCheck(block.check), toHant(reply)).passed) return "zh-Hant";
  return null;
}

/** Every try-it block, also inside callouts, quotes and lists. */
export function mapTryIts(blocks: readonly Block[], f: (block: TryItBlock) => TryItBlock): Block[] {
  return blocks.map((b): Block => {
    switch (b.t) {
      case "tryit":
        return f(b);
      case "callout":
      case "quote":
        return { ...b, c: mapTryIts(b.c, f) };
      case "ul":
      case "ol":
        return { ...b, items: b.items.map((item) => mapTryIts(item, f)) };
      default:
        return b;
    }
  });
}
