/**
 * Every route of the app, found by scanning app/routes (Remix flat-file conventions), with the
 * URL it answers and whether it has a loader, an action and a page. The fuzz, security-header
 * and accessibility tests use this list, so a new route is tested the day it appears.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../../../scripts/harness/lantern-server";

export interface ScannedRoute {
  /** File relative to app/routes. */
  file: string;
  /** URL pattern, e.g. /teach/classes/:classId (":" params, "*" splat). */
  pattern: string;
  params: string[];
  hasLoader: boolean;
  hasAction: boolean;
  /** Renders a page (default export); otherwise a resource route. */
  isPage: boolean;
  /** An index route (posting to it needs `?index`). */
  isIndex: boolean;
}

const ROUTES_DIR = path.join(ROOT, "app", "routes");
const ROUTE_FILE = /\.(tsx?|jsx?)$/;

export function scanRoutes(dir = ROUTES_DIR): ScannedRoute[] {
  const found: ScannedRoute[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || /\.test\.(tsx?|jsx?)$/.test(entry.name)) continue;
    let file: string | undefined;
    let id: string;
    if (entry.isDirectory()) {
      // folder routes: routes/teach.classes/route.tsx
      const inner = fs.readdirSync(path.join(dir, entry.name)).find((f) => /^route\.(tsx?|jsx?)$/.test(f));
      if (!inner) continue;
      file = path.join(entry.name, inner);
      id = entry.name;
    } else {
      if (!ROUTE_FILE.test(entry.name)) continue;
      file = entry.name;
      id = entry.name.replace(ROUTE_FILE, "");
    }
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const { pattern, params, isIndex } = urlPatternOf(id);
    found.push({
      file,
      pattern,
      params,
      isIndex,
      hasLoader: exportsName(source, "loader"),
      hasAction: exportsName(source, "action"),
      isPage: /export\s+default\b/.test(source),
    });
  }
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function exportsName(source: string, name: string): boolean {
  return new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${name}\\b|const\\s+${name}\\b)|export\\s*\\{[^}]*\\b${name}\\b`).test(source);
}

/** Remix v2 flat routes: dots separate segments, `_x` is pathless, `x_` is not nested, `$` params. */
export function urlPatternOf(id: string): { pattern: string; params: string[]; isIndex: boolean } {
  // split on dots that are not inside [ ]
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of id) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      segments.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  segments.push(current);
  const params: string[] = [];
  const parts: string[] = [];
  let isIndex = false;
  for (let seg of segments) {
    if (seg === "_index") {
      isIndex = true;
      continue;
    }
    if (seg.startsWith("_")) continue; // pathless layout
    if (seg.endsWith("_")) seg = seg.slice(0, -1);
    const optional = /^\((.*)\)$/.exec(seg);
    if (optional) seg = optional[1]!; // treat optional segments as present
    if (seg === "$") {
      params.push("*");
      parts.push("*");
    } else if (seg.startsWith("$")) {
      params.push(seg.slice(1));
      parts.push(`:${seg.slice(1)}`);
    } else {
      parts.push(seg.replace(/[[\]]/g, ""));
    }
  }
  return { pattern: "/" + parts.join("/"), params, isIndex };
}

/** Lone surrogates replaced by U+FFFD (String.prototype.toWellFormed, which ES2023 types lack). */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Fills a pattern's params from `values` (by name), falling back to `fallback`. */
export function fillPattern(pattern: string, values: Record<string, string>, fallback = "x"): string {
  return pattern
    .split("/")
    .map((part) => {
      if (part === "*") return wellFormed(values["*"] ?? fallback).split("/").map(encodeURIComponent).join("/");
      if (part.startsWith(":")) return encodeURIComponent(wellFormed(values[part.slice(1)] ?? fallback));
      return part;
    })
    .join("/");
}

/** The lesson slugs in the compiled course (build/course.json). */
export function lessonSlugs(): string[] {
  const course = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as { lessons: { slug: string }[] };
  return course.lessons.map((l) => l.slug);
}

export function hasRoute(pattern: string): boolean {
  return scanRoutes().some((r) => r.pattern === pattern);
}

export type Visitor = "anonymous" | "student" | "teacher";

/** Who normally sees a page: the signed-in role the URL is for, or a visitor. */
export function visitorsFor(pattern: string): Visitor[] {
  // staff pages: the help page is for teachers and admins (decision 032)
  if (/^\/(teach|admin|help)\b/.test(pattern)) return ["teacher"];
  if (/^\/(playground)\b/.test(pattern)) return ["student"];
  if (/^\/learn\b/.test(pattern)) return ["anonymous", "student"];
  if (/^\/account\b/.test(pattern)) return ["student", "teacher"];
  return ["anonymous"];
}

/** Every page (a route with a default export and a loader) with real params filled in. */
export function pageUrls(values: Record<string, string>): { file: string; pattern: string; path: string; visitors: Visitor[] }[] {
  return scanRoutes()
    .filter((r) => r.isPage && r.hasLoader)
    .map((r) => ({ file: r.file, pattern: r.pattern, path: fillPattern(r.pattern, values), visitors: visitorsFor(r.pattern) }));
}
