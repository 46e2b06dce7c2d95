/**
 * The needle experiment's layout, which the browser widget and the server (for the no-JavaScript
 * fallback) both use: where the needle is, how many tokens it takes to reach it from the end, and
 * which part of the text is inside the window — counted in tokens, not pieces.
 */
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { makeTranslate } from "~/i18n/translate";
import { buildHaystack, haystackFor, layoutOf, listedWindow, needleOnly, type Haystack } from "~/components/widgets/needle";

const t = makeTranslate(en, "en");

// "AA NEEDLE BB?" cut by hand: the needle is "NEEDLE", from offset 3 to 9
const haystack: Haystack = { text: "AA NEEDLE BB?", needleStart: 3, needleEnd: 9, questionStart: 12 };
const pieces = [
  { text: "AA", ids: [1] },
  { text: " NEE", ids: [2] },
  { text: "DLE", ids: [3, 4] }, // one piece, two tokens (as a Chinese character can be)
  { text: " BB", ids: [5] },
  { text: "?", ids: [6] },
];
const sample = { pieces, count: 6 };

describe("layoutOf", () => {
  it("measures the needle's reach in tokens from its first piece to the end", () => {
    // the needle starts in " NEE" (a piece that begins before it): 5 of the 6 tokens reach it
    expect(layoutOf(sample, haystack, 2).needleReach).toBe(5);
    expect(layoutOf(sample, haystack, 2).total).toBe(6);
  });

  it("marks the window's pieces from the end, and merges neighbours of the same kind", () => {
    expect(layoutOf(sample, haystack, 2).spans).toEqual([
      { text: "AA", needle: false, inWindow: false },
      { text: " NEEDLE", needle: true, inWindow: false },
      { text: " BB?", needle: false, inWindow: true },
    ]);
    // a piece whose last token is in the window is in it: "DLE" holds tokens 3 and 4 of 6
    expect(layoutOf(sample, haystack, 3).spans).toEqual([
      { text: "AA", needle: false, inWindow: false },
      { text: " NEE", needle: true, inWindow: false },
      { text: "DLE", needle: true, inWindow: true },
      { text: " BB?", needle: false, inWindow: true },
    ]);
    expect(layoutOf(sample, haystack, 256).spans.every((s) => s.inWindow)).toBe(true);
  });

  it("puts the needle inside a window at least its reach long, and outside a shorter one", () => {
    const real = haystackFor(t, { sentences: 24, depth: 100 }, "en");
    // one token a word is enough to tell the layout from the text
    const words = (real.text.match(/\s*\S+/g) ?? []).map((text, i) => ({ text, ids: [i] }));
    const { needleReach } = layoutOf({ pieces: words, count: words.length }, real, 2);
    const inside = layoutOf({ pieces: words, count: words.length }, real, needleReach);
    expect(inside.spans.find((s) => s.needle)).toMatchObject({ inWindow: true });
    const outside = layoutOf({ pieces: words, count: words.length }, real, needleReach - 1);
    expect(outside.spans.filter((s) => s.needle).map((s) => s.inWindow)).toContain(false);
    expect(needleReach).toBeLessThan(words.length);
  });
});

describe("the haystack for a choice", () => {
  it("is the same text the widget builds, at depths in percent, in each language", () => {
    expect(haystackFor(t, { sentences: 12, depth: 50 }, "en")).toEqual(buildHaystack(t, 12, 0.5, " "));
    const zh = haystackFor(makeTranslate(zhHans, "zh-Hans"), { sentences: 6, depth: 0 }, "zh-Hans");
    expect(zh.needleStart).toBe(0);
    expect(zh.text).not.toMatch(/。 /); // Chinese sentences run on without a space
  });

  it("marks the needle alone before the tokens are known", () => {
    const spans = needleOnly(haystackFor(t, { sentences: 6, depth: 0 }, "en"));
    expect(spans.map((s) => s.needle)).toEqual([true, false]);
    expect(spans[0]!.text).toBe(t("widget.needle.needle"));
    expect(spans.every((s) => !s.inWindow)).toBe(true);
  });

  it("lists a small window's pieces only", () => {
    expect(listedWindow(pieces, 2)).toEqual([" BB", "?"]);
    expect(listedWindow(pieces, 16)).toHaveLength(5);
    expect(listedWindow(pieces, 64)).toBeNull();
  });
});
