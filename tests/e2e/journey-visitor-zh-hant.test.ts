/**
 * A visitor (no account) switches the site to 繁體中文 and reads a lesson to its quiz.
 * Screenshots: test-results/screenshots/visitor-zh-hant/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql } from "./setup/context";
import { compiledLesson, walkSteps } from "./setup/lesson-driver";

const JOURNEY = "visitor-zh-hant";
const hant = translator("zh-Hant");
const lesson = compiledLesson();
let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("a visitor reads a lesson in 繁體中文", () => {
  it("switches language from the header and reads every step, in Traditional Chinese", async () => {
    const page = browser.page;
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("link", { name: "繁體中文" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-Hant");
    await expect.poll(() => page.locator("header").innerText()).toContain(hant("nav.learn"));
    await screenshot(page, JOURNEY, "01-home");

    const content = lesson.content["zh-Hant"]!;
    const simplified = lesson.content["zh-Hans"]!;
    await page.getByRole("link", { name: content.title }).first().click();
    await page.waitForURL(new RegExp(`/learn/${lesson.slug}`));
    // client-side navigation: the URL changes before the new page has rendered
    await expect.poll(() => page.locator("h1").innerText()).toContain(content.title);

    const titles = await walkSteps(page, lesson.slug, "mouse", {
      locale: "zh-Hant",
      onStep: async (i) => {
        if (i === 0) await screenshot(page, JOURNEY, "02-first-step");
        // a visitor's Next is a plain link kept inside the app: a mark on the window survives the walk
        if (i === 0) await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
        expect(await page.getAttribute("html", "lang")).toBe("zh-Hant");
      },
    });
    expect(titles).toEqual(content.steps.map((s) => s.title));
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // Traditional, not Simplified: at least one step title is written differently in the two
    expect(content.steps.some((s, i) => s.title !== simplified.steps[i]!.title)).toBe(true);
    const quiz = await page.locator("main").innerText();
    expect(quiz).toContain(hant("learn.quiz.title"));
    expect(quiz).toContain(hant("learn.answer.notSure"));
    await screenshot(page, JOURNEY, "03-quiz");
    // nothing to sign in for: the visitor is told nothing is saved
    expect(await page.locator(".visitor-note").count()).toBeGreaterThan(0);
    expect(browser.problems).toEqual([]);
  });
});
