/**
 * Printing the teacher's material in Chromium: every lesson's handout prints to exactly two
 * pages (summary, worksheet) on A4 and on Letter, in English, 简体中文 and 繁體中文, and fits a 360 px
 * phone; the guides, the plan and the mapping print too; the mapping lists every lesson; teachers
 * find the guides from their home, the class matrix and the assignment form. Print-emulated screenshots:
 * test-results/screenshots/guides-print/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER, realParamValues } from "./setup/context";
import { ROOT } from "../../scripts/harness/lantern-server";

const JOURNEY = "guides-print";
const course = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as {
  lessons: { slug: string; content: Record<string, { title: string }> }[];
};
const LANGS = ["en", "zh-Hans", "zh-Hant"] as const;
const browsers = new Map<string, OpenBrowser>();

beforeAll(async () => {
  for (const lang of LANGS) browsers.set(lang, await openBrowser({ lang, as: DEMO_TEACHER }));
});

afterAll(async () => {
  for (const b of browsers.values()) await b.close();
  await closeTestSql();
});

/** Pages in a PDF Chromium wrote: one `/Type /Page` object each (`/Pages` is the tree). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function printPages(page: Page, format: "A4" | "Letter"): Promise<number> {
  // preferCSSPageSize off: the paper is the teacher's choice; our @page only sets margins.
  return pdfPageCount(await page.pdf({ format, printBackground: false }));
}

for (const lang of LANGS) {
  describe(`printing in ${lang}`, () => {
    it("prints every lesson's handout on exactly two pages, on A4 and on Letter", async () => {
      const { page, problems } = browsers.get(lang)!;
      for (const lesson of course.lessons) {
        const response = await page.goto(`/teach/guide/${lesson.slug}/handout`);
        expect(response?.status()).toBe(200);
        await expect.poll(() => page.locator("h1").innerText()).not.toBe("");
        for (const format of ["A4", "Letter"] as const) {
          expect(await printPages(page, format), `${lesson.slug} ${format}`).toBe(2);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);

    it("shows every handout on a 360 px phone without sideways scrolling, its blanks as lines", async () => {
      // a blank written as a run of underscores was one unbreakable word: 608 px wide at 360
      const { page } = browsers.get(lang)!;
      await page.setViewportSize({ width: 360, height: 740 });
      const wide: string[] = [];
      try {
        for (const lesson of course.lessons) {
          await page.goto(`/teach/guide/${lesson.slug}/handout`);
          const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          if (width > 360) wide.push(`${lesson.slug} (${width} px)`);
          expect(await page.locator("main").innerText(), lesson.slug).not.toContain("____");
        }
        await page.goto("/teach/guide/long-context/handout");
        await screenshot(page, JOURNEY, `${lang}-handout-long-context-360`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      expect(wide).toEqual([]);
    }, 60_000);

    it("prints each lesson's guide with its answer key", async () => {
      const { page } = browsers.get(lang)!;
      const t = translator(lang);
      for (const lesson of course.lessons) {
        await page.goto(`/teach/guide/${lesson.slug}`);
        await expect.poll(() => page.locator("h1").innerText()).toBe(lesson.content[lang]!.title);
        await expect.poll(() => page.locator("#g-answer-key").innerText()).toBe(t("guide.key.title"));
        const pages = await printPages(page, "A4");
        expect(pages, lesson.slug).toBeGreaterThanOrEqual(3);
        expect(pages, lesson.slug).toBeLessThanOrEqual(10);
      }
    }, 120_000);

    it("lists every lesson on the printable mapping page", async () => {
      const { page } = browsers.get(lang)!;
      await page.goto("/teach/frameworks");
      const rows = page.locator("[data-testid=mapping-table] tbody tr");
      await expect.poll(() => rows.count()).toBe(course.lessons.length);
      for (const [i, lesson] of course.lessons.entries()) {
        expect(await rows.nth(i).locator("th").innerText()).toContain(lesson.content[lang]!.title);
      }
      expect(await printPages(page, "A4")).toBeLessThanOrEqual(3);
    }, 60_000);

    it("looks right in print (screenshots of the print-emulated pages)", async () => {
      const { page } = browsers.get(lang)!;
      await page.emulateMedia({ media: "print" });
      // A4 width at 96 dpi minus the margins, so the screenshot wraps like the paper.
      await page.setViewportSize({ width: 680, height: 1000 });
      for (const [url, name] of [
        [`/teach/guide/tokens/handout`, "handout-tokens"],
        [`/teach/guide/responsible-ai/handout`, "handout-responsible-ai"],
        [`/teach/guide/tokens`, "guide-tokens"],
        ["/teach/guide", "plan"],
        ["/teach/frameworks", "mapping"],
      ] as const) {
        await page.goto(url);
        await screenshot(page, JOURNEY, `${lang}-${name}`);
      }
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/teach/guide/tokens/handout");
      await screenshot(page, JOURNEY, `${lang}-handout-screen`);
    }, 60_000);
    it("is linked from the teacher's home, each lesson column of the class matrix and the assignment form", async () => {
      const { page } = browsers.get(lang)!;
      const t = translator(lang);
      const { classId } = await realParamValues();
      await page.goto("/teach");
      await page.getByRole("link", { name: t("guide.link.home") }).click();
      await page.waitForURL(/\/teach\/guide$/);
      await expect.poll(() => page.locator("h1").innerText()).toBe(t("guide.index.title"));

      await page.goto(`/teach/classes/${classId}`);
      for (const lesson of course.lessons) {
        const title = lesson.content[lang]!.title;
        const link = page.getByRole("link", { name: t("guide.link.columnLabel", { title }) });
        expect(await link.getAttribute("href")).toBe(`/teach/guide/${lesson.slug}`);
      }
      await screenshot(page, JOURNEY, `${lang}-class-matrix`);

      await page.goto(`/teach/classes/${classId}/assignments`);
      await page.getByText(t("guide.link.assign")).click();
      const guideLinks = page.locator(".assign-guides a[href^='/teach/guide/']");
      await expect.poll(() => guideLinks.count()).toBe(course.lessons.length * 2);
      await screenshot(page, JOURNEY, `${lang}-assign`);
    }, 60_000);
  });
}
