/**
 * The class's playground rules page tells the teacher, next to the blocked-topics setting, that
 * topic blocking is a speed bump, not a guarantee — in English and 简体中文.
 * Screenshots: test-results/screenshots/playground-policy/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openBrowser, screenshot } from "./setup/browser";
import { baseUrl, closeTestSql, DEMO_TEACHER, demoClassId } from "./setup/context";

afterAll(() => closeTestSql());

describe("the blocked-topics setting", () => {
  it.each([
    ["en", /speed bump, not a guarantee/],
    ["zh-Hans", /减速带.*不能保证万无一失/],
  ] as const)("explains its limits (%s)", async (lang, note) => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    try {
      const { page } = browser;
      await page.goto(`${baseUrl()}/teach/classes/${await demoClassId()}/playground`);
      const field = page.locator("textarea[name=blockedTopics]");
      // The note sits beside the setting and is read out with it.
      expect((await field.getAttribute("aria-describedby"))!.split(" ")).toContain("pg-topics-limits");
      expect(await page.locator("#pg-topics-limits").innerText()).toMatch(note);
      await field.scrollIntoViewIfNeeded();
      await screenshot(page, "playground-policy", `blocked-topics-${lang}`);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
