import { assetAt } from "~/assets/asset-store";
import type { LessonContent } from "~/course/lesson-view-types";

/**
 * The lesson's text the loader named (content-asset.server.ts): registered on the server when it
 * was built, fetched by the browser before hydrating (entry.client.tsx) or before showing a step
 * of another lesson (the route's clientLoader).
 */
export function lessonContentOf(url: string): LessonContent {
  const content = assetAt<LessonContent>(url);
  if (!content) throw new Error(`the lesson text ${url} is not loaded`);
  return content;
}
