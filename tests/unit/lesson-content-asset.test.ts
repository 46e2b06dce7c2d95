/**
 * A lesson's text travels as a content-hashed asset (content-asset.server.ts), not as loader
 * data: its URL names exactly its bytes, so a browser may keep it for good and a changed word
 * gets a new URL; the server renders from the very value the browser parses; and an asset named
 * by a page rendered before a restart is still answered.
 */
import { describe, expect, it, vi } from "vitest";
import { lessonContentOf } from "../../app/components/lesson/content";
import { lessonContentAsset, lessonContentJsonAt, lessonContentUrl } from "../../app/components/lesson/content-asset.server";
import { getCourse } from "../../app/course/course.server";
import type { LessonContent } from "../../app/course/lesson-view-types";
import type { Lesson } from "../../app/course/types";

const lessons = () => getCourse().lessons;
const first = () => lessons()[0]!;

/** The lesson with one word of one step's first paragraph changed in one language. */
function withChangedWord(lesson: Lesson, locale: "en" | "zh-Hans"): Lesson {
  const copy = structuredClone(lesson);
  const step = copy.content[locale].steps.find((s) => s.blocks.some((b) => b.t === "p"))!;
  const paragraph = step.blocks.find((b) => b.t === "p")!;
  if (paragraph.t !== "p") throw new Error("unreachable");
  paragraph.c = [...paragraph.c, { t: "text", v: " changed" }];
  return copy;
}

describe("the lesson content asset", () => {
  it("is named by its lesson, language and a hash of its bytes; a changed word changes only that language's URL", () => {
    const lesson = first();
    const en = lessonContentAsset(lesson, "en");
    expect(en.url).toMatch(new RegExp(`^/lesson-content/${lesson.slug}\\.en\\.[\\w-]{12}\\.json$`));
    expect(lessonContentAsset(lesson, "en").url).toBe(en.url);
    expect(lessonContentAsset(withChangedWord(lesson, "en"), "en").url).not.toBe(en.url);
    expect(lessonContentAsset(withChangedWord(lesson, "zh-Hans"), "en").url).toBe(en.url);
    expect(lessonContentAsset(withChangedWord(lesson, "zh-Hans"), "zh-Hans").url).not.toBe(lessonContentAsset(lesson, "zh-Hans").url);
  });

  it("holds every step's text in that language and what the widgets share, never an answer key", () => {
    for (const lesson of lessons()) {
      for (const locale of ["en", "zh-Hans", "zh-Hant"] as const) {
        const content = JSON.parse(lessonContentAsset(lesson, locale).json) as LessonContent;
        expect(content.head.title).toBe(lesson.content[locale].title);
        expect(content.steps.map((s) => s.title)).toEqual(lesson.content[locale].steps.map((s) => s.title));
        expect(content.steps.map((s) => s.blocks)).toEqual(JSON.parse(JSON.stringify(lesson.content[locale].steps.map((s) => s.blocks))));
        // checks are named by id only: their choices, keys and feedback come with the learner's state
        const json = lessonContentAsset(lesson, locale).json;
        for (const q of [...lesson.checks, ...lesson.quiz]) expect(json).not.toContain(JSON.stringify(q.content[locale].explanation));
      }
    }
    const tokens = lessons().find((l) => l.content.en.steps.some((s) => s.widgets.includes("tokenizer")))!;
    const content = JSON.parse(lessonContentAsset(tokens, "en").json) as LessonContent;
    expect(content.steps.some((s) => "widgetServer" in s.widgetData)).toBe(true);
  });

  it("is what the server renders with, and answers its URL; an old hash or another lesson's name is a 404", () => {
    const lesson = first();
    const url = lessonContentUrl(lesson, "zh-Hant");
    expect(lessonContentOf(url)).toEqual(JSON.parse(lessonContentJsonAt(url)!));
    expect(lessonContentOf(url).head.title).toBe(lesson.content["zh-Hant"].title);
    expect(lessonContentJsonAt(url.replace(/\.[\w-]{12}\.json$/, ".AAAAAAAAAAAA.json"))).toBeNull();
    expect(lessonContentJsonAt(url.replace(lesson.slug, "no-such-lesson"))).toBeNull();
    expect(lessonContentJsonAt(url.replace(".zh-Hant.", ".fr."))).toBeNull();
    expect(lessonContentJsonAt("/lesson-content/../../etc/passwd")).toBeNull();
  });

  it("answers a URL named before the server restarted, before any page has asked for that lesson", async () => {
    const lesson = lessons()[1]!;
    const url = lessonContentAsset(lesson, "zh-Hans").url;
    vi.resetModules();
    const fresh = await import("../../app/components/lesson/content-asset.server");
    expect(JSON.parse(fresh.lessonContentJsonAt(url)!)).toMatchObject({ head: { slug: lesson.slug } });
  });
});
