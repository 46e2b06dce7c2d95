/**
 * A lesson's text in one language as a content-hashed asset (LessonContent; app/assets): the
 * head, every step's blocks and the widgets' shared data. The lesson page's loader names it and
 * sends only the learner's own state, so a step costs the server a small response and the browser
 * fetches the lesson once (cached for good: a changed word gets a new URL). Built on first use.
 */
import { hashedAsset, registerAsset, type HashedAsset } from "~/assets/hashed-asset.server";
import { getLesson } from "~/course/course.server";
import { lessonBasics } from "~/course/lesson-basics";
import type { LessonContent, LessonHead } from "~/course/lesson-view-types";
import type { Lesson, Locale, Step, WidgetName } from "~/course/types";
import { isLocale } from "~/i18n/locales";
import { widgetServerData } from "../widgets/server-data.server";

const LESSON_CONTENT_PATH = "/lesson-content/";

const built = new Map<string, HashedAsset>();
const byUrl = new Map<string, HashedAsset>();

/** The URL of this lesson's content in this language (built and registered on first ask). */
export function lessonContentUrl(lesson: Lesson, locale: Locale): string {
  const key = `${lesson.slug}.${locale}`;
  let asset = built.get(key);
  if (!asset) {
    asset = lessonContentAsset(lesson, locale);
    registerAsset(asset);
    built.set(key, asset);
    byUrl.set(asset.url, asset);
  }
  return asset.url;
}

const ASSET_NAME = new RegExp(String.raw`^${LESSON_CONTENT_PATH}([a-z0-9-]+)\.([A-Za-z-]+)\.[\w-]{12}\.json$`);

/** The JSON at this URL path, or null (no such lesson, or an old hash). */
export function lessonContentJsonAt(pathname: string): string | null {
  // Built here too: a page rendered before the server restarted names an asset not built since.
  const [, slug, locale] = ASSET_NAME.exec(pathname) ?? [];
  const lesson = slug ? getLesson(slug) : undefined;
  if (lesson && locale && isLocale(locale)) lessonContentUrl(lesson, locale);
  return byUrl.get(pathname)?.json ?? null;
}

/** The asset of this lesson's content (its URL carries a hash of exactly these bytes); not registered. */
export function lessonContentAsset(lesson: Lesson, locale: Locale): HashedAsset {
  return hashedAsset(LESSON_CONTENT_PATH, `${lesson.slug}.${locale}`, lessonContent(lesson, locale));
}

function lessonContent(lesson: Lesson, locale: Locale): LessonContent {
  return {
    head: lessonHead(lesson, locale),
    steps: lesson.content[locale].steps.map((step) => ({
      id: step.id,
      title: step.title,
      blocks: step.blocks,
      widgetData: step.widgets.length > 0 ? { ...widgetDataFor(lesson, step), ...widgetServerData(lesson, locale, step) } : {},
    })),
  };
}

function lessonHead(lesson: Lesson, locale: Locale): LessonHead {
  return { ...lessonBasics(lesson, locale), objectives: lesson.content[locale].objectives, sources: lesson.sources, hasQuiz: lesson.quiz.length > 0 };
}

/** Widget data keys shipped with lessons, by the widget that reads them (see lessons/README.md). */
const WIDGET_DATA_KEYS: Partial<Record<WidgetName, string>> = {
  "preference-lab": "preferences",
  "constitution-lab": "constitution",
};

/** The lesson data the widgets of one step need (not the whole lesson's). */
function widgetDataFor(lesson: Lesson, step: Step): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const widget of step.widgets) {
    const key = WIDGET_DATA_KEYS[widget];
    if (key && key in lesson.data) data[key] = lesson.data[key];
  }
  return data;
}
