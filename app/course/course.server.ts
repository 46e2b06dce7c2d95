/**
 * The compiled course, loaded once from build/course.json (written by `npm run build:course`).
 * The path resolves from the working directory, not from this module: after `remix build` this
 * code runs from build/index.js, where a module-relative path would point somewhere else.
 */
import fs from "node:fs";
import path from "node:path";
import { courseIndex } from "./course-index";
import type { Course, Lesson } from "./types";

export const COURSE_FILE = path.join("build", "course.json");

interface LoadedCourse {
  course: Course;
  bySlug: Map<string, Lesson>;
}

let loaded: LoadedCourse | null = null;

function load(): LoadedCourse {
  if (loaded) return loaded;
  const file = path.resolve(process.cwd(), COURSE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`The compiled course ${file} is missing: run \`npm run build:course\` first.`, { cause: error });
    }
    throw error;
  }
  const course = JSON.parse(text) as Course;
  if (typeof course?.version !== "string" || !Array.isArray(course.lessons)) {
    throw new Error(`${file} is not a compiled course: run \`npm run build:course\` again.`);
  }
  loaded = { course, bySlug: new Map(course.lessons.map((lesson) => [lesson.slug, lesson])) };
  // Every lookup into the lesson tree (course-index.ts), built here once rather than per request.
  courseIndex(course);
  return loaded;
}

/** The whole course, in course.yaml order. */
export function getCourse(): Course {
  return load().course;
}

/** One lesson by its URL slug, or undefined (the route answers 404). */
export function getLesson(slug: string): Lesson | undefined {
  return load().bySlug.get(slug);
}

/** Every lesson slug, in course order. */
export function lessonSlugs(): string[] {
  return load().course.lessons.map((lesson) => lesson.slug);
}

/** Forgets the loaded course, so the next call reads the file again (tests, a rebuilt course). */
export function resetCourseCache(): void {
  loaded = null;
}
