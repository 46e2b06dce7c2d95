/**
 * lessons/ → the compiled `Course`. Reads course.yaml for the order of the modules, compiles
 * each lesson folder, and checks what spans lessons (unique slugs, unique question ids).
 * Every problem of the whole course is collected, so one run shows an author all of them.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Course, Lesson } from "../types";
import { ContentIssues, sortContentErrors, type ContentError } from "./errors";
import { compileLesson, relativePath, type LessonBuildOptions } from "./parse-lesson";
import type { QuestionIdSite } from "./quiz";
import { strictStepsByDefault } from "./step-rules";
import { locate, parseYamlFile, validateYaml } from "./yaml-file";

export interface CompileOptions {
  /** Errors name files relative to this directory. Default: the parent of the lessons directory. */
  root?: string;
  /** Steps per lesson outside this range produce a warning. Default 4–8. */
  stepRange?: readonly [min: number, max: number];
  /** End-of-lesson questions outside this range produce a warning. Default 6–10. */
  quizRange?: readonly [min: number, max: number];
  /** Step rules fail the build instead of warning. Default: strictStepsByDefault() (strict unless LANTERN_STRICT_STEPS=0). */
  strictSteps?: boolean;
}

export type CompileResult =
  | { course: Course; warnings: ContentError[] }
  | { errors: ContentError[]; warnings: ContentError[] };

/** `NN-slug`: the number orders folders on disk; the slug is the URL and the progress key. */
const MODULE_FOLDER = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

const courseFileSchema = z.strictObject({
  modules: z.array(z.string(), { error: "modules must be a list of lesson folders" }).min(1, {
    error: "list at least one lesson folder",
  }),
});

export function compileCourse(lessonsDir: string, options: CompileOptions = {}): CompileResult {
  const dir = path.resolve(lessonsDir);
  const buildOptions: LessonBuildOptions = {
    root: path.resolve(options.root ?? path.dirname(dir)),
    stepRange: options.stepRange ?? [4, 8],
    quizRange: options.quizRange ?? [6, 10],
    strictSteps: options.strictSteps ?? strictStepsByDefault(),
  };
  const issues = new ContentIssues();
  const lessons: Lesson[] = [];
  const questionSites = new Map<string, QuestionIdSite>();

  for (const folder of readModules(dir, buildOptions.root, issues)) {
    const compiled = compileLesson(folder, buildOptions, issues);
    if (compiled === null) continue;
    lessons.push(compiled.lesson);
    for (const site of compiled.questionIds) {
      const first = questionSites.get(site.id);
      if (first) {
        issues.error(site.file, site.line, `duplicate question id "${site.id}" (already used at ${first.file}:${first.line}); ids are unique across the course`);
      } else {
        questionSites.set(site.id, site);
      }
    }
  }

  const warnings = sortContentErrors(issues.warnings);
  if (issues.errors.length > 0) return { errors: sortContentErrors(issues.errors), warnings };
  return { course: { version: contentHash(lessons), lessons }, warnings };
}

interface ModuleFolder {
  dir: string;
  folder: string;
  slug: string;
  number: number;
}

/** course.yaml's modules, each checked: well named, present on disk, slug not taken. */
function readModules(lessonsDir: string, root: string, issues: ContentIssues): ModuleFolder[] {
  const courseFile = path.join(lessonsDir, "course.yaml");
  const rel = relativePath(root, courseFile);
  if (!fs.existsSync(courseFile)) {
    issues.error(rel, 1, "file not found: course.yaml lists the lesson folders in order (modules: [01-…, 02-…])");
    return [];
  }
  const yaml = parseYamlFile(fs.readFileSync(courseFile, "utf8"), rel, issues);
  const data = yaml ? validateYaml(yaml, courseFileSchema, issues) : null;
  if (!yaml || !data) return [];

  const modules: ModuleFolder[] = [];
  const slugs = new Map<string, string>();
  data.modules.forEach((entry, index) => {
    const line = locate(yaml, ["modules", index]).line;
    const match = MODULE_FOLDER.exec(entry);
    if (!match) {
      issues.error(rel, line, `"${entry}" is not a lesson folder name like 01-what-is-an-llm (number, dash, lowercase slug)`);
      return;
    }
    const slug = match[2] ?? entry;
    const folderDir = path.join(lessonsDir, entry);
    if (!fs.existsSync(folderDir) || !fs.statSync(folderDir).isDirectory()) {
      issues.error(rel, line, `no lesson folder ${relativePath(root, folderDir)}/`);
      return;
    }
    const taken = slugs.get(slug);
    if (taken !== undefined) {
      issues.error(rel, line, `duplicate slug "${slug}": ${entry} and ${taken} would have the same URL`);
      return;
    }
    slugs.set(slug, entry);
    modules.push({ dir: folderDir, folder: entry, slug, number: modules.length + 1 });
  });

  const listed = new Set(data.modules);
  for (const name of fs.readdirSync(lessonsDir).sort()) {
    if (MODULE_FOLDER.test(name) && !listed.has(name) && fs.statSync(path.join(lessonsDir, name)).isDirectory()) {
      issues.warn(rel, 1, `${name}/ is not listed in modules, so it is not built`);
    }
  }
  return modules;
}

/** A short hash of the compiled content: changes whenever anything a reader sees changes. */
export function contentHash(lessons: readonly Lesson[]): string {
  return createHash("sha256").update(JSON.stringify(lessons)).digest("hex").slice(0, 12);
}
