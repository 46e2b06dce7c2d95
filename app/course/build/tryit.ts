/**
 * `:::tryit{…}` attributes → the visible check that grades the playground's reply. Checks are
 * deliberately simple (contains / regex / word count / line count) so a student can see why a
 * reply passed, in the spirit of anthropics/courses.
 */
import type { TryItCheck } from "../types";
import { ID_PATTERN } from "./front-matter";

export interface TryItAttributes {
  id: string;
  system?: string;
  check: TryItCheck;
  /** With the offline mini model: a check on the student's prompt (see lessons/README.md). */
  miniCheck?: TryItCheck;
}

export type TryItParse = { ok: true; value: TryItAttributes } | { ok: false; errors: string[] };

const CHECK_FIELDS = ["check", "value", "case", "pattern", "flags", "says", "min", "max"];
// `mini-check="…"` and its `mini-value`, `mini-pattern`… describe the check used with the mini model.
const MINI = "mini-";
const ALLOWED = new Set(["id", "system", ...CHECK_FIELDS, ...CHECK_FIELDS.map((f) => MINI + f)]);
const CHECK_KINDS = ["contains", "regex", "words", "lines"] as const;
/** Which attributes belong to which check, to catch `pattern` on a `contains` check. */
const CHECK_ATTRIBUTES: Record<string, readonly string[]> = {
  contains: ["value", "case"],
  regex: ["pattern", "flags", "says"],
  words: ["min", "max"],
  lines: ["min", "max"],
};
const CHECK_SPECIFIC = new Set(Object.values(CHECK_ATTRIBUTES).flat());
// No `g` or `y`: they make RegExp#test stateful, so grading one reply twice could disagree.
const REGEX_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

export function parseTryItAttributes(attrs: Readonly<Record<string, string>>): TryItParse {
  const errors: string[] = [];
  for (const key of Object.keys(attrs)) {
    if (!ALLOWED.has(key)) errors.push(`tryit: unknown attribute "${key}"`);
  }
  const id = attrs.id;
  if (id === undefined || id === "") errors.push('tryit needs an id: :::tryit{id="…" …}');
  else if (!ID_PATTERN.test(id)) errors.push(`tryit id "${id}" must use only lowercase letters, digits and dashes`);

  const own = Object.fromEntries(Object.entries(attrs).filter(([k]) => !k.startsWith(MINI)));
  const check = parseCheckAttributes(own, "", errors);
  const miniAttrs = Object.fromEntries(Object.entries(attrs).filter(([k]) => k.startsWith(MINI)).map(([k, v]) => [k.slice(MINI.length), v]));
  const miniCheck = Object.keys(miniAttrs).length > 0 ? parseCheckAttributes(miniAttrs, MINI, errors) : undefined;

  const system = attrs.system;
  if (system !== undefined && system.trim() === "") errors.push("tryit: system must not be empty when given");

  if (errors.length > 0 || check === null || miniCheck === null || id === undefined) return { ok: false, errors: dedupe(errors) };
  return { ok: true, value: { id, ...(system !== undefined ? { system } : {}), check, ...(miniCheck ? { miniCheck } : {}) } };
}

/** One check from its attributes (`prefix` only names them in messages: "mini-check"). */
function parseCheckAttributes(attrs: Readonly<Record<string, string>>, prefix: string, errors: string[]): TryItCheck | null {
  const kind = attrs.check;
  const before = errors.length;
  if (kind === undefined || kind === "") {
    errors.push(`tryit needs a ${prefix}check: ${prefix}check="${CHECK_KINDS.join('" | "')}"`);
    return null;
  }
  if (!(CHECK_KINDS as readonly string[]).includes(kind)) {
    errors.push(`tryit: unknown ${prefix}check "${kind}" (use ${CHECK_KINDS.join(", ")})`);
    return null;
  }
  const own = CHECK_ATTRIBUTES[kind] ?? [];
  for (const key of CHECK_SPECIFIC) {
    if (key in attrs && !own.includes(key)) errors.push(`tryit: "${prefix}${key}" does not apply to ${prefix}check="${kind}"`);
  }
  const check = parseCheck(kind as TryItCheck["kind"], attrs, errors);
  return errors.length > before ? null : check;
}

function parseCheck(kind: TryItCheck["kind"], attrs: Readonly<Record<string, string>>, errors: string[]): TryItCheck | null {
  switch (kind) {
    case "contains": {
      const value = attrs.value;
      if (value === undefined || value === "") {
        errors.push('tryit: check="contains" needs value="…"');
        return null;
      }
      const mode = attrs.case;
      if (mode !== undefined && mode !== "sensitive" && mode !== "insensitive") {
        errors.push(`tryit: case must be "sensitive" or "insensitive", not "${mode}"`);
        return null;
      }
      return { kind, value, ...(mode === "sensitive" ? { caseSensitive: true } : {}) };
    }
    case "regex": {
      const pattern = attrs.pattern;
      const flags = attrs.flags;
      const says = attrs.says?.trim();
      if (pattern === undefined || pattern === "") {
        errors.push('tryit: check="regex" needs pattern="…"');
        return null;
      }
      if (flags !== undefined && !REGEX_FLAGS.test(flags)) {
        errors.push(`tryit: flags "${flags}" may only combine i, m, s and u`);
        return null;
      }
      try {
        new RegExp(pattern, flags);
      } catch (error) {
        errors.push(`tryit: invalid regex /${pattern}/: ${(error as Error).message}`);
        return null;
      }
      // Students read what the check looks for; a regular expression means nothing to most of them.
      if (!says) {
        errors.push('tryit: check="regex" needs says="…": what the pattern looks for, in words a student understands');
        return null;
      }
      return { kind, pattern, ...(flags ? { flags } : {}), says };
    }
    case "words":
    case "lines": {
      const min = parseCount(attrs.min, "min", errors);
      const max = parseCount(attrs.max, "max", errors);
      if (min === null || max === null) return null;
      if (min === undefined && max === undefined) {
        errors.push(`tryit: check="${kind}" needs min="…", max="…" or both`);
        return null;
      }
      if (min !== undefined && max !== undefined && min > max) {
        errors.push(`tryit: min (${min}) is greater than max (${max})`);
        return null;
      }
      return { kind, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
  }
}

/** undefined when absent, null when invalid (an error is recorded). */
function parseCount(raw: string | undefined, name: string, errors: string[]): number | undefined | null {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) {
    errors.push(`tryit: ${name} must be a whole number, not "${raw}"`);
    return null;
  }
  return Number(raw);
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
