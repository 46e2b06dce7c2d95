/**
 * The compiled teacher's guides, loaded once from build/guides.json (written with the course by
 * `npm run build:course`). Resolved from the working directory, like the course.
 */
import fs from "node:fs";
import path from "node:path";
import { GUIDES_FILE_NAME } from "./guides-file";
import type { CompiledGuides, LessonGuide } from "./types";

let loaded: { guides: CompiledGuides; bySlug: Map<string, LessonGuide> } | null = null;

function load() {
  if (loaded) return loaded;
  const file = path.resolve(process.cwd(), "build", GUIDES_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`The teacher's guides ${file} are missing: run \`npm run build:course\` first.`, { cause: error });
    }
    throw error;
  }
  const guides = JSON.parse(text) as CompiledGuides;
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
