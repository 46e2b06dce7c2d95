/**
 * Accessibility of every page type, in a real browser: axe-core finds no serious or critical
 * violation in English or 简体中文; the page works 360 px wide without sideways scrolling;
 * text at 200 % still fits; keyboard focus is always visible. The page list comes from
 * app/routes, so new pages are checked as soon as they exist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clippedText, doubleTextSize, overflowsHorizontally, seriousViolations, tabStops } from "./setup/a11y";
import { openBrowser, screenshot, signInAs, type OpenBrowser } from "./setup/browser";
import { baseUrl, closeTestSql, DEMO_STUDENTS, DEMO_TEACHER, realParamValues, SESSION_COOKIE } from "./setup/context";
import { pageUrls, type Visitor } from "./setup/routes";

interface Visit {
  label: string;
  path: string;
  visitor: Visitor;
}

// Two browsers share the pages between them (one per core): axe and layout are the cost, and
// each browser has its own cookies, so each signs in as the visitor of the page it opens.
const BROWSERS = 2;
let browsers: OpenBrowser[] = [];
const visits: Visit[] = [];

async function actAs(browser: OpenBrowser, visitor: Visitor) {
  if (visitor === "anonymous") await browser.context.clearCookies({ name: SESSION_COOKIE });
  else await signInAs(browser.context, visitor === "teacher" ? DEMO_TEACHER : DEMO_STUDENTS[0]!);
}

async function setLang(lang: string) {
  const url = new URL(baseUrl());
  for (const browser of browsers) {
    await browser.context.addCookies([{ name: "lantern_lang", value: lang, domain: url.hostname, path: "/" }]);
  }
}

/** Opens the page and returns false when it is not this visitor's page (a redirect elsewhere). */
async function open(browser: OpenBrowser, visit: Visit): Promise<boolean> {
  const response = await browser.page.goto(visit.path, { waitUntil: "load" });
  const landed = new URL(browser.page.url()).pathname;
  const wanted = new URL(visit.path, baseUrl()).pathname;
  return landed === wanted && (response?.status() ?? 0) < 500;
}

/** Every visit, each in whichever browser is free next, as that visit's visitor. */
async function forEachVisit(check: (browser: OpenBrowser, visit: Visit) => Promise<void>) {
  const queue = [...visits];
  await Promise.all(
    browsers.map(async (browser) => {
      for (let visit = queue.shift(); visit; visit = queue.shift()) {
        await actAs(browser, visit.visitor);
        await check(browser, visit);
      }
    }),
  );
}

beforeAll(async () => {
  browsers = await Promise.all(Array.from({ length: BROWSERS }, () => openBrowser()));
  const values = await realParamValues();
  // one visit per URL (a layout and its index share one), as the person the page is for
  const seen = new Set<string>();
  for (const page of pageUrls(values)) {
    if (seen.has(page.path)) continue;
    seen.add(page.path);
    const visitor = page.visitors.includes("student") ? "student" : page.visitors[0]!;
    visits.push({ label: `${page.file} as ${visitor}`, path: page.path, visitor });
  }
  visits.push({ label: "404 page", path: "/no-such-page", visitor: "anonymous" });
});

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await closeTestSql();
});

describe("accessibility of every page type", () => {
  for (const lang of ["en", "zh-Hans"] as const) {
    it(`axe finds no serious or critical violation (${lang})`, async () => {
      await setLang(lang);
      const failures: string[] = [];
      const skipped: string[] = [];
      await forEachVisit(async (browser, visit) => {
        if (!(await open(browser, visit)) && visit.path !== "/no-such-page") {
          skipped.push(visit.label);
          return;
        }
        const htmlLang = await browser.page.getAttribute("html", "lang");
        if (htmlLang !== lang) failures.push(`${visit.label}: <html lang="${htmlLang}">, expected ${lang}`);
        for (const v of await seriousViolations(browser.page)) failures.push(`${visit.label}: ${v}`);
      });
      // Every page of the route manifest is checked but these two, which are not pages anyone
      // stays on: signing out and linking a school account both send you on at once.
      expect(skipped.sort()).toEqual(["auth.oidc.link.tsx as anonymous", "signout.tsx as anonymous"]);
      expect(failures.sort()).toEqual([]);
      // every page, twice over (desktop and phone width is the next test): a minute is not enough
    }, 300_000);
  }

  it("works 360 px wide, resizes text to 200 % and shows keyboard focus (简体中文)", async () => {
    await setLang("zh-Hans");
    const failures: string[] = [];
    try {
      await forEachVisit(async (browser, visit) => {
        const page = browser.page;
        // 360 px wide: nothing scrolls sideways
        await page.setViewportSize({ width: 360, height: 740 });
        if (!(await open(browser, visit))) return;
        if (await overflowsHorizontally(page)) {
          failures.push(`${visit.label}: scrolls sideways at 360 px`);
          await screenshot(page, "a11y-360px", visit.label.replace(/[^\w.-]+/g, "_"));
        }
        // keyboard focus is always visible, and the first stop is the skip link
        await page.setViewportSize({ width: 1280, height: 900 });
        const stops = await tabStops(page, 10);
        if (stops.length === 0) failures.push(`${visit.label}: nothing can be reached with Tab`);
        for (const stop of stops) if (!stop.visible) failures.push(`${visit.label}: focus on ${stop.element} is not visible`);
        if (stops[0] && !stops[0].element.includes("skip-link") && !/跳|skip/i.test(stops[0].element)) {
          failures.push(`${visit.label}: first Tab stop is ${stops[0].element}, not the skip link`);
        }
        // text at 200 %: it grows, nothing scrolls sideways, nothing is cut off
        const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        await doubleTextSize(page);
        const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        if (after < before * 1.9) failures.push(`${visit.label}: body text did not grow (${before}px → ${after}px)`);
        if (await overflowsHorizontally(page)) failures.push(`${visit.label}: scrolls sideways at 200 % text`);
        const clipped = await clippedText(page);
        if (clipped.length) failures.push(`${visit.label}: text cut off at 200 % in ${clipped.join(", ")}`);
      });
    } finally {
      for (const browser of browsers) await browser.page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
