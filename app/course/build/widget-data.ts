/**
 * Optional widget data shipped beside a lesson (preferences.yaml, constitution.yaml). The fields
 * the widgets need are checked; extra fields are kept for the widgets to use. Every `{ en, zh-Hans }`
 * value gets its zh-Hant derived.
 */
import { z } from "zod";
import type { WidgetName } from "../types";
import type { ContentIssues } from "./errors";
import { addHantToLocalizedValues } from "./derive-hant";
import { idSchema } from "./front-matter";
import { locate, validateYaml, type YamlFile } from "./yaml-file";

const text = z.string().trim().min(1, { error: "must not be empty" });
const localizedText = z.strictObject({ en: text, "zh-Hans": text });

const preferencesSchema = z.looseObject({
  pairs: z
    .array(
      z.looseObject({
        id: idSchema,
        prompt: localizedText,
        a: localizedText,
        b: localizedText,
        judge: z.enum(["a", "b"], { error: 'judge must be "a" or "b"' }),
        reason: localizedText,
      }),
    )
    .min(1, { error: "list at least one pair" }),
});

const constitutionSchema = z.looseObject({
  examples: z
    .array(
      z.looseObject({
        id: idSchema,
        principle: localizedText,
        prompt: localizedText,
        answer: localizedText,
        critique: localizedText,
        revision: localizedText,
      }),
    )
    .min(1, { error: "list at least one example" }),
});

export interface WidgetDataFile {
  /** File name in the lesson folder. */
  fileName: string;
  /** Key under `Lesson.data`. */
  key: string;
  /** The widget that needs this file. */
  widget: WidgetName;
  schema: z.ZodType;
  /** The list whose items have ids that must be unique. */
  listKey: string;
}

export const WIDGET_DATA_FILES: readonly WidgetDataFile[] = [
  { fileName: "preferences.yaml", key: "preferences", widget: "preference-lab", schema: preferencesSchema, listKey: "pairs" },
  { fileName: "constitution.yaml", key: "constitution", widget: "constitution-lab", schema: constitutionSchema, listKey: "examples" },
];

/** Validates one widget data file and derives its zh-Hant values. Null when invalid. */
export function compileWidgetData(yaml: YamlFile, spec: WidgetDataFile, issues: ContentIssues): unknown {
  const data = validateYaml(yaml, spec.schema, issues);
  if (data === null) return null;
  const items = (data as Record<string, { id: string }[]>)[spec.listKey] ?? [];
  const seen = new Set<string>();
  let ok = true;
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      issues.error(yaml.file, locate(yaml, [spec.listKey, index, "id"]).line, `duplicate id "${item.id}"`);
      ok = false;
    }
    seen.add(item.id);
  });
  return ok ? addHantToLocalizedValues(data) : null;
}
