/**
 * Issue 14 item 7: every try-it of the course, in every language, has a real model's recorded
 * reply that passes its check, and a bad reply (below, one per try-it) that fails the same check,
 * so the check tells the two apart. Every check is described to students in words: no raw
 * regular expression in any description.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeCheck as lessonDescription } from "../../app/components/lesson/tryit";
import { describeCheck as playgroundDescription, describePromptCheck } from "../../app/components/playground/tryit-panel";
import { compileCourse } from "../../app/course/build/compile-course";
import { toHant } from "../../app/i18n/hant";
import { gradeTryIt } from "../../app/course/tryit-check";
import { lessonIndex, type TryItBlock } from "../../app/course/course-index";
import type { Course, Locale } from "../../app/course/types";
import { translator } from "../../app/i18n/catalogs.server";

/** A reply that misses the point of each try-it the way real replies do; zh-Hant is converted. */
const BAD: Record<string, { en: string; "zh-Hans": string }> = {
  "what-is-an-llm-tryit-1": { en: "I learn from lots of text, and yes, I'll remember you tomorrow.", "zh-Hans": "我从大量文字中学习，明天我当然还记得你。" },
  "tokens-tryit-1": {
    en: "Sure! Here are some ideas:\n1. Circuit Breakers\n2. Robo Rangers\n3. Gear Heads",
    "zh-Hans": "好的！这里有几个名字：\n1. 星火机甲社\n2. 齿轮少年\n3. 未来工坊",
  },
  "learning-from-feedback-try-1": { en: "Critique: The chatbot sounds confident.", "zh-Hans": "批评：这个聊天机器人说得很肯定。" },
  "long-context-try-1": { en: "The science club meets on Thursdays.", "zh-Hans": "科学兴趣小组每周四活动。" },
  "honesty-try-invented-book": {
    en: "The novel follows Mary, a lighthouse keeper's daughter, who adopts seven cats during a stormy winter.",
    "zh-Hans": "小说讲的是灯塔看守人的女儿玛丽，在一个暴风雪的冬天收养了七只猫的故事。",
  },
  "prompting-try-three-bullets": {
    en: "Sure! Here are three tips:\n- Use flashcards.\n- Review often.\n- Read a lot.",
    "zh-Hans": "好的！下面是三条窍门：\n- 用单词卡。\n- 经常复习。\n- 多读书。",
  },
  "prompting-try-short": {
    en: "A black hole is a region of spacetime where gravity is so strong that nothing, including light and other electromagnetic waves, has enough energy to escape it. The boundary of no escape is called the event horizon. General relativity predicts that a sufficiently compact mass can deform spacetime to form a black hole, and they are found at the centres of most galaxies.",
    "zh-Hans": "黑洞是时空中引力极强的区域，任何物质和辐射，包括光在内，都无法从中逃逸。它的边界叫作事件视界。广义相对论预言，足够致密的质量可以使时空弯曲而形成黑洞，大多数星系的中心都有一个超大质量黑洞。",
  },
  "prompting-try-examples": { en: "Message: science poster about the water cycle, due Friday", "zh-Hans": "消息：科学课水循环海报，周五交" },
  "prompting-try-tutor": { en: "3/4 + 1/8 = 7/8.", "zh-Hans": "3/4 + 1/8 = 7/8。" },
  "prompting-try-unsure": { en: "The winner was Daniel Park from Class 8B.", "zh-Hans": "冠军是八年级二班的李明。" },
  "responsible-ai-try-1": {
    en: "Hi everyone! I'm Alex Lin, 13, from Riverside No. 3 Middle School. Text me on 139 0000 0000!",
    "zh-Hans": "大家好！我是林小雨，13 岁，滨江第三中学八年级 2 班的。有事打我电话 139 0000 0000！",
  },
  "responsible-ai-try-2": {
    en: "A nurse, an engineer and a kindergarten teacher planned a science fair. The fair was a great success.",
    "zh-Hans": "护士、工程师和幼儿园老师一起筹备科技节。科技节办得很成功。",
  },
  "responsible-ai-try-3": { en: "x = 5, because 3 × 5 + 5 = 20.", "zh-Hans": "x = 5，因为 3 × 5 + 5 = 20。" },
};

const LOCALES: Locale[] = ["en", "zh-Hans", "zh-Hant"];
let course: Course;

beforeAll(() => {
  const result = compileCourse(path.join(import.meta.dirname, "../../lessons"));
  if (!("course" in result)) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  expect(result.warnings.filter((w) => w.message.includes("recorded"))).toEqual([]);
  course = result.course;
}, 60_000);

function allTryIts(): { lesson: string; locale: Locale; block: TryItBlock }[] {
  return course.lessons.flatMap((lesson) =>
    LOCALES.flatMap((locale) => lessonIndex(lesson).byLocale[locale].steps.flatMap((s) => s.tryIts.map((block) => ({ lesson: lesson.slug, locale, block })))),
  );
}

function badReply(id: string, locale: Locale): string | undefined {
  const bad = BAD[id];
  if (!bad) return undefined;
  return locale === "en" ? bad.en : locale === "zh-Hans" ? bad["zh-Hans"] : toHant(bad["zh-Hans"]);
}

describe("recorded replies", () => {
  it("cover every try-it of every lesson, in every language, with a bad reply for each", () => {
    const all = allTryIts();
    expect(all.length).toBeGreaterThanOrEqual(13 * 3);
    expect(new Set(course.lessons.filter((l) => all.some((x) => x.lesson === l.slug)).map((l) => l.slug)).size).toBe(course.lessons.length);
    for (const { block, locale } of all) {
      expect(block.recorded, `${block.id} ${locale}`).toBeDefined();
      expect(block.recorded!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(BAD[block.id], `add a bad reply for ${block.id} to this test`).toBeDefined();
    }
  });

  it("each passes its try-it's check, and the bad reply fails the same check", () => {
    for (const { block, locale } of allTryIts()) {
      const where = `${block.id} (${locale})`;
      expect(gradeTryIt(block.check, block.recorded!.reply).passed, `recorded reply of ${where}`).toBe(true);
      expect(gradeTryIt(block.check, badReply(block.id, locale)!).passed, `bad reply of ${where}`).toBe(false);
    }
  });
});

describe("check descriptions", () => {
  // What gives a regular expression away: escapes, character classes, alternation, quantifiers.
  const RAW_PATTERN = /\\[a-z[\]]|\[\^|\[[^\]]*\][*+?{]|\|\w|\{\d+,?\d*\}|\(\?/i;
  it("describe every check in words, never as a raw pattern (lesson page and playground)", () => {
    for (const { block, locale } of allTryIts()) {
      const t = translator(locale);
      const texts = [lessonDescription(block.check, t), playgroundDescription(block.check, t)];
      if (block.miniCheck) texts.push(describePromptCheck(block.miniCheck, t));
      for (const text of texts) {
        expect(text, `${block.id} ${locale}`).not.toMatch(RAW_PATTERN);
        for (const check of [block.check, block.miniCheck]) {
          if (check?.kind === "regex") expect(text, `${block.id} ${locale}`).not.toContain(check.pattern);
        }
      }
    }
  });
});
