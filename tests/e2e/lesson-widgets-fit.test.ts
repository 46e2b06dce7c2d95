/**
 * Every lesson step with a widget, and a finished lesson's calibration card, on a phone: nothing
 * scrolls sideways at 360 px and no token is broken over two lines, in English and 简体中文, for a student who has answered (so the
 * calibration table has rows). The a11y pass opens one page per route; the widgets are where a
 * fixed width hides (found in a walk: the calibration table ran 19 px past a phone's edge). At
 * 320 px with text spaced out as WCAG 1.4.12 allows a reader to, nothing scrolls sideways either.
 * Screenshots of anything that does, and of the calibration table: test-results/screenshots/widgets-fit/.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/harness/lantern-server";
import { overflowsHorizontally } from "./setup/a11y";
import { followRequests, openBrowser, SCREENSHOT_DIR, screenshot } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS } from "./setup/context";

afterAll(() => closeTestSql());

interface Step {
  id: string;
  blocks: { t: string }[];
}
const course = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as {
  lessons: { slug: string; content: Record<string, { steps: Step[] }> }[];
};
/** Widgets sit among a step's blocks (directly, or inside a callout's). */
const hasWidget = (step: Step) => JSON.stringify(step.blocks).includes('"t":"widget"');
const SHOTS = path.join(SCREENSHOT_DIR, "widgets-fit");
const WIDGET_STEPS = course.lessons.flatMap((l) => l.content.en!.steps.filter(hasWidget).map((s) => `/learn/${l.slug}?step=${s.id}`));

describe("lesson widgets on a phone", () => {
  it.each(["en", "zh-Hans"] as const)("nothing scrolls sideways at 360 px (%s)", async (lang) => {
    expect(WIDGET_STEPS.length).toBeGreaterThan(5);
    const browser = await openBrowser({ lang, as: DEMO_STUDENTS[0], viewport: { width: 360, height: 740 } });
    const wide: string[] = [];
    const broken: string[] = [];
    const requests = followRequests(browser.page);
    try {
      // the finish page of a lesson the demo student has finished, with its calibration card
      for (const url of [...WIDGET_STEPS, `/learn/${course.lessons[0]!.slug}?view=done`]) {
        await browser.page.goto(url);
        await requests.settled();
        // the table that ran past the edge, kept for a look
        if (url.endsWith("step=calibration")) await browser.page.locator(".cal-widget-table").screenshot({ path: path.join(SHOTS, `calibration-table-${lang}.png`) });
        // a token split over two lines reads as two tokens (found in a walk: "·footba/ll" in the next-token
        // bars); "(end of text)" is a label, not a token, and may wrap
        const split = await browser.page.locator(".widget .token:not(.token-end)").evaluateAll((chips) =>
          chips.filter((chip) => new Set(Array.from(chip.getClientRects(), (r) => Math.round(r.top))).size > 1 || chip.scrollHeight > 1.6 * parseFloat(getComputedStyle(chip).lineHeight)).map((chip) => chip.textContent),
        );
        if (split.length > 0) broken.push(`${url}: ${split.join(" ")}`);
        if (await overflowsHorizontally(browser.page)) {
          const width = await browser.page.evaluate(() => document.documentElement.scrollWidth);
          wide.push(`${url} (${width} px)`);
          await screenshot(browser.page, "widgets-fit", `${lang}-${url.replace(/[^\w]+/g, "_")}`);
        }
      }
    } finally {
      await browser.close();
    }
    expect(wide).toEqual([]);
    expect(broken).toEqual([]);
  });

  // WCAG 1.4.12: a reader's own style sheet may space text out this far; nothing may then be lost
  // or scroll sideways at 320 px (found in a walk: the temperature bars table grew to 371 px and
  // cut off its "Chance at temperature" column)
  const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }`;

  it.each(["en", "zh-Hans"] as const)("nothing scrolls sideways at 320 px with text spaced out (%s)", async (lang) => {
    const browser = await openBrowser({ lang, viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    const requests = followRequests(browser.page);
    try {
      for (const url of WIDGET_STEPS) {
        await browser.page.goto(url);
        await requests.settled();
        await browser.page.addStyleTag({ content: TEXT_SPACING });
        const width = await browser.page.evaluate(() => document.scrollingElement!.scrollWidth);
        if (width > 320) {
          wide.push(`${url} (${width} px)`);
          await screenshot(browser.page, "widgets-fit", `spaced-${lang}-${url.replace(/[^\w]+/g, "_")}`);
        }
      }
    } finally {
      await browser.close();
    }
    expect(wide).toEqual([]);
  });
});

