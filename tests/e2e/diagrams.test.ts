/**
 * Lesson diagrams in a real browser (issue 14): the SVG drawn at build time is on the page in
 * each language with its title and description, the page is axe clean and hydrates without a
 * problem (the server's and the browser's markup agree), it fits 360 px, and it prints.
 * Screenshots at 360 and 1280 px and in print go to test-results/screenshots/diagrams/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./setup/a11y";
import { openBrowser, screenshot, scrollsHorizontally, type OpenBrowser } from "./setup/browser";
import { closeTestSql } from "./setup/context";

const STEPS = [
  { step: "one-token-at-a-time", diagram: "predict-append-loop", title: { en: "The predict-and-append loop", "zh-Hans": "“预测—追加”循环" } },
  { step: "pretraining-fine-tuning", diagram: "training-stages", title: { en: "Three stages of training an assistant", "zh-Hans": "训练一个助手的三个阶段" } },
] as const;

const opened: OpenBrowser[] = [];
afterAll(async () => {
  for (const browser of opened) await browser.close();
  await closeTestSql();
});

describe("diagrams on the lesson page", () => {
  for (const lang of ["en", "zh-Hans"] as const) {
    for (const width of [360, 1280]) {
      it(`shows lesson 01's diagrams in ${lang} at ${width} px: named, described, axe clean, hydrated cleanly`, async () => {
        const browser = await openBrowser({ lang, viewport: { width, height: 900 } });
        opened.push(browser);
        const page = browser.page;
        for (const { step, diagram, title } of STEPS) {
          await page.goto(`/learn/what-is-an-llm?step=${step}`);
          await page.waitForFunction(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
          await page.waitForLoadState("networkidle");
          const figure = page.locator(`figure.diagram[data-diagram="${diagram}"]`);
          await expect(figure.getByRole("img", { name: title[lang] }).count()).resolves.toBe(1);
          const desc = await figure.locator("svg desc").textContent();
          expect(desc?.length ?? 0).toBeGreaterThan(80);
          const box = await figure.locator("svg").boundingBox();
          expect(box!.width).toBeLessThanOrEqual(width);
          expect(box!.width).toBeGreaterThan(width === 360 ? 300 : 400);
          expect(await scrollsHorizontally(page)).toBe(false);
          expect(await seriousViolations(page)).toEqual([]);
          await figure.scrollIntoViewIfNeeded();
          await figure.screenshot({ path: await screenshotPath(page, `${diagram}-${lang}-${width}`) });
        }
        expect(browser.problems).toEqual([]);
      });
    }

    it(`prints lesson 01's diagrams in ${lang} in dark strokes`, async () => {
      const browser = await openBrowser({ lang });
      opened.push(browser);
      const page = browser.page;
      await page.emulateMedia({ media: "print" });
      for (const { step, diagram } of STEPS) {
        await page.goto(`/learn/what-is-an-llm?step=${step}`);
        const color = await page.locator(`figure.diagram[data-diagram="${diagram}"]`).evaluate((el) => getComputedStyle(el).color);
        expect(color).toBe("rgb(0, 0, 0)");
        await screenshot(page, "diagrams", `print-${diagram}-${lang}`);
      }
      expect(browser.problems).toEqual([]);
    });
  }
});

/** Element screenshots next to the full-page ones screenshot() writes. */
async function screenshotPath(page: OpenBrowser["page"], name: string): Promise<string> {
  const file = await screenshot(page, "diagrams", `page-${name}`);
  return file.replace(/page-([^/]+)\.png$/, "$1.png");
}
