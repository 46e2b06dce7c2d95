/**
 * Issue 14 item 8: the offline mini model continues the lessons' own example sentences the way
 * the lessons say a model would, at temperature 0 (always the top token). The examples are found
 * in the compiled course (every next-token widget's starting text, in every language) and in the
 * widget's default text, so a new example fails here until its expected continuation is pinned.
 * Needs `npm run build:course` (build/course.json and build/mini-model.json).
 */
import { describe, expect, it } from "vitest";
import { toHant } from "../../app/i18n/hant";
import { getCourse } from "../../app/course/course.server";
import { LOCALES, type Block, type Locale } from "../../app/course/types";
import { translator } from "../../app/i18n/catalogs.server";
import { nextTokenDistribution } from "../../app/playground/mini-model-engine.server";
import { getMiniModel } from "../../app/playground/mini-model.server";

/**
 * Example → continuations the lessons name (any one is right). zh-Hant examples are the zh-Hans
 * ones converted. "The capital of France is" is not a widget's text but the classic example.
 */
const EXPECTED: Record<string, string[]> = {
  // Lesson 1: "Maybe you thought of basketball, football, video games or the piano."
  "After school, I like to play": [" football", " basketball", " games", " video games", " the piano"],
  "放学以后，我喜欢": ["打篮球", "踢足球", "玩游戏", "弹钢琴"],
  // Lesson 2: "a model might expect mat, sofa or floor".
  "The cat sat on the": [" mat", " sofa", " floor"],
  "小猫趴在": ["窗台上", "沙发上", "地板上"],
  "I finished my homework before": [" dinner", " bed", " lunch", " school"],
  "写完作业以后，我要去": ["打篮球", "踢足球", "公园", "打球"],
  // The widget's own default text: the lessons' point, next-token prediction.
  "A language model predicts the next": [" token", " word"],
  "语言模型会预测下一个": ["词元", "词"],
  "The capital of France is": [" Paris"],
};
const EXTRA = ["The capital of France is"];

function widgetPrompts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.t === "widget" && b.name === "next-token" && b.props.prompt
      ? [b.props.prompt]
      : b.t === "callout" || b.t === "quote"
        ? widgetPrompts(b.c)
        : b.t === "ul" || b.t === "ol"
          ? b.items.flatMap(widgetPrompts)
          : [],
  );
}

function examples(): { locale: Locale; text: string }[] {
  const found = new Map<string, Locale>();
  for (const lesson of getCourse().lessons) {
    for (const locale of LOCALES) for (const step of lesson.content[locale].steps) for (const text of widgetPrompts(step.blocks)) found.set(text, locale);
  }
  for (const locale of LOCALES) found.set(translator(locale)("widget.nextToken.defaultPrompt"), locale);
  for (const text of EXTRA) found.set(text, "en");
  return [...found].map(([text, locale]) => ({ locale, text }));
}

function expectedFor(text: string, locale: Locale): string[] | undefined {
  if (locale !== "zh-Hant") return EXPECTED[text];
  const hans = Object.keys(EXPECTED).find((k) => toHant(k) === text);
  return hans ? EXPECTED[hans]!.map(toHant) : undefined;
}

/** The model's text at temperature 0: the top piece, `n` times (stops at the end of a text). */
function greedy(text: string, locale: Locale, n: number): string {
  const model = getMiniModel();
  let out = "";
  for (let i = 0; i < n; i++) {
    const top = nextTokenDistribution(model, text + out, { locale })[0];
    if (!top || top.end) break;
    out += top.piece;
  }
  return out;
}

describe("the mini model continues the lessons' examples", () => {
  const all = examples();

  it("finds the examples in the course (both widgets of lesson 1 and 2, every language)", () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const { text, locale } of all) expect(expectedFor(text, locale), `pin the continuation of "${text}" (${locale}) in EXPECTED`).toBeDefined();
  });

  it.each(all)("$text ($locale)", ({ text, locale }) => {
    const allowed = expectedFor(text, locale)!;
    const continuation = greedy(text, locale, 4);
    expect(allowed.some((a) => continuation.startsWith(a)), `"${text}" → "${continuation}" (expected ${allowed.join(" / ")})`).toBe(true);
  });
});
