/**
 * YAML with real line numbers. Authors see `quiz.yaml:42: …`, so every zod issue is mapped back
 * to the YAML node it is about, through the `yaml` package's node ranges and a LineCounter.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import type { ContentIssues } from "./errors";

export interface YamlFile {
  /** Path relative to the repository root, as errors print it. */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (front matter starts after `---`). */
  lineOffset: number;
  /** The plain JavaScript value of the document. */
  value: unknown;
}

/** Parses YAML, reporting syntax errors. Returns null when the text is not valid YAML. */
export function parseYamlFile(
  text: string,
  file: string,
  issues: ContentIssues,
  lineOffset = 0,
): YamlFile | null {
  const lineCounter = new LineCounter();
  // prettyErrors off: its messages embed a code excerpt; we print `file:line:` ourselves.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line + lineOffset;
      issues.error(file, line, `invalid YAML: ${firstLine(err.message)}`);
    }
    return null;
  }
  return { file, doc, lineCounter, lineOffset, value: doc.toJS() };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

export type YamlPath = readonly PropertyKey[];

interface Located {
  /** The line of the deepest node that exists along the path. */
  line: number;
  /** Whether the whole path exists (false: a field is missing). */
  found: boolean;
  /** The node at the path, when found. */
  node: unknown;
}

/**
 * The line of the node at `path`. When the path goes further than the document, the line of the
 * deepest existing node is returned (a missing field is reported on its parent's line).
 */
export function locate(yaml: YamlFile, path: YamlPath): Located {
  let node: unknown = yaml.doc.contents;
  let line = lineOf(yaml, node) ?? 1 + yaml.lineOffset;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { line, found: false, node: undefined };
      // An empty value (`title:`) has no node of its own: the key's line is the right place.
      line = lineOf(yaml, pair.value) ?? lineOf(yaml, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return { line, found: false, node: undefined };
      line = lineOf(yaml, item) ?? line;
      node = item;
    } else {
      return { line, found: false, node: undefined };
    }
  }
  return { line, found: true, node };
}

/** The line of a key itself: where an unknown field should be pointed at. */
export function locateKey(yaml: YamlFile, path: YamlPath, key: string): number {
  const parent = locate(yaml, path);
  if (isMap(parent.node)) {
    const pair = parent.node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const line = pair ? lineOf(yaml, pair.key) : undefined;
    if (line !== undefined) return line;
  }
  return parent.line;
}

function lineOf(yaml: YamlFile, node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  return yaml.lineCounter.linePos(range[0]).line + yaml.lineOffset;
}

/** `questions[2].prompt.en` — how a path is shown to authors. */
export function formatPath(path: YamlPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** The plain value at a path of a plain YAML value. */
function valueAt(value: unknown, path: YamlPath): unknown {
  let node = value;
  for (const segment of path) node = (node as Record<PropertyKey, unknown> | null | undefined)?.[segment];
  return node;
}

/**
 * Validates a parsed YAML value (or, with `at`, one part of it) with a zod schema. Every issue is reported on its own line;
 * missing and unknown fields get plain-language messages. Returns null when invalid.
 */
export function validateYaml<S extends z.ZodType>(
  yaml: YamlFile,
  schema: S,
  issues: ContentIssues,
  options: { label?: string; unknownFieldHint?: string; at?: YamlPath } = {},
): z.output<S> | null {
  const at = options.at ?? [];
  const result = schema.safeParse(valueAt(yaml.value, at) ?? {});
  if (result.success) return result.data;
  const prefix = options.label ? `${options.label}: ` : "";
  for (const issue of result.error.issues) {
    const path = [...at, ...(issue.path as YamlPath)];
    const where = formatPath(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = formatPath([...path, key]);
        const hint = options.unknownFieldHint ? ` (${options.unknownFieldHint})` : "";
        issues.error(yaml.file, locateKey(yaml, path, key), `${prefix}unknown field "${field}"${hint}`);
      }
      continue;
    }
    const located = locate(yaml, path);
    if (!located.found && issue.code === "invalid_type") {
      issues.error(yaml.file, located.line, `${prefix}missing field "${where}"`);
      continue;
    }
    const subject = where === "" ? "" : `"${where}": `;
    issues.error(yaml.file, located.line, `${prefix}${subject}${issue.message}`);
  }
  return null;
}
