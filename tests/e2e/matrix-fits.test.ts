/**
 * The class page's progress matrix at a laptop's 1280 px: it either fits or its sideways scroll
 * is obvious — the name column stays in place while the table scrolls, a text hint and a shaded
 * edge say more columns are hidden, the region is labelled and scrolls with the arrow keys, and
 * axe finds nothing serious. In English and 简体中文, with screenshots at 1280 px and 390 px
 * (test-results/screenshots/matrix-fits/).
 */
import { afterAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./setup/a11y";
import { openBrowser, screenshot } from "./setup/browser";
import { baseUrl, closeTestSql, DEMO_TEACHER, demoClassId } from "./setup/context";

afterAll(() => closeTestSql());

describe("the progress matrix at 1280 px", () => {
  it.each(["en", "zh-Hans"] as const)("keeps names in view and makes sideways scrolling obvious (%s)", async (lang) => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER, viewport: { width: 1280, height: 900 } });
    try {
      const { page } = browser;
      await page.goto(`${baseUrl()}/teach/classes/${await demoClassId()}`);
      const region = page.getByTestId("matrix-scroll");
      const frame = page.locator(".matrix-frame");
      expect(await region.getAttribute("role")).toBe("region");
      expect(await region.getAttribute("tabindex")).toBe("0");
      expect((await region.getAttribute("aria-label"))!.length).toBeGreaterThan(5);
      await screenshot(page, "matrix-fits", `class-page-1280-${lang}`);

      const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      if (widths.scroll <= widths.client + 1) {
        // the whole matrix is visible: no hint, no cue
        await expect.poll(() => frame.getAttribute("data-overflow")).toBe("false");
        expect(await page.getByTestId("matrix-scroll-hint").isVisible()).toBe(false);
        return;
      }
      // more columns hidden: the hint and the shaded right edge show
      expect(await page.getByTestId("matrix-scroll-hint").isVisible()).toBe(true);
      expect(await page.getByTestId("matrix-scroll-cue").isVisible()).toBe(true);
      expect(await region.getAttribute("aria-describedby")).toBe("matrix-scroll-hint");

      // keyboard: focus the region, arrow right scrolls it; the name column does not move
      const name = page.locator("tbody tr").first().locator("th.matrix-name");
      const before = (await name.boundingBox())!;
      await region.focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await expect.poll(() => frame.getAttribute("data-scrolled")).toBe("true");
      const after = (await name.boundingBox())!;
      expect(after.x).toBe(before.x);
      // a lesson cell did move under it
      await screenshot(page, "matrix-fits", `class-page-1280-scrolled-${lang}`);

      // at the far end the cue goes away
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expect.poll(() => frame.getAttribute("data-at-end")).toBe("true");
      expect(await page.getByTestId("matrix-scroll-cue").isVisible()).toBe(false);

      expect(await seriousViolations(page)).toEqual([]);
      expect(browser.problems).toEqual([]);

      // the phone-sized view, for the screenshots
      await page.setViewportSize({ width: 390, height: 844 });
      await region.evaluate((el) => el.scrollTo({ left: 0 }));
      await screenshot(page, "matrix-fits", `class-page-390-${lang}`);

      // the note under the scores links to the full rule, which names the −½
      await page.getByTestId("scoring-note").getByRole("link").click();
      await page.waitForURL(/\/teach\/scoring$/);
      expect(await page.getByTestId("scoring-rule").innerText()).toContain("−½");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "matrix-fits", `scoring-rule-390-${lang}`);
    } finally {
      await browser.close();
    }
  });
});
