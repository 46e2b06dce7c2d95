/**
 * The compiled teacher's guides, loaded once from build/guides.json (written with the course by
 * `npm run build:course`). Resolved from the working directory, like the course.
 */
import fs from "node:fs";
import path from "node:path";
import { GUIDES_FILE_NAME } from "./guides-file";
import type { CompiledGuides, LessonGuide } from "./types";

let loaded: { guides: CompiledGuides; bySlug: Map<string, LessonGuide> } | null = null;

/** A file `npm run build:course` writes to build/, parsed; a missing one says what to run. */
export function readBuildJson<T>(name: string, what: string): T {
  const file = path.resolve(process.cwd(), "build", name);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${what} ${file} are missing: run \`npm run build:course\` first.`, { cause: error });
    }
    throw error;
  }
  return JSON.parse(text) as T;
}

function load() {
  if (loaded) return loaded;
  const guides = readBuildJson<CompiledGuides>(GUIDES_FILE_NAME, "The teacher's guides");
  loaded = { guides, bySlug: new Map(guides.lessons.map((g) => [g.slug, g])) };
  return loaded;
}

export function getGuides(): CompiledGuides {
  return load().guides;
}

/** One lesson's guide by slug, or undefined (the route answers 404). */
export function getLessonGuide(slug: string): LessonGuide | undefined {
  return load().bySlug.get(slug);
}
