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

let browser: OpenBrowser;
let visits: Visit[] = [];

async function actAs(visitor: Visitor) {
  if (visitor === "anonymous") await browser.context.clearCookies({ name: SESSION_COOKIE });
  else await signInAs(browser.context, visitor === "teacher" ? DEMO_TEACHER : DEMO_STUDENTS[0]!);
}

async function setLang(lang: string) {
  const url = new URL(baseUrl());
  await browser.context.addCookies([{ name: "lantern_lang", value: lang, domain: url.hostname, path: "/" }]);
}

/** Opens the page and returns false when it is not this visitor's page (a redirect elsewhere). */
async function open(visit: Visit): Promise<boolean> {
  const response = await browser.page.goto(visit.path, { waitUntil: "load" });
  const landed = new URL(browser.page.url()).pathname;
  const wanted = new URL(visit.path, baseUrl()).pathname;
  return landed === wanted && (response?.status() ?? 0) < 500;
}

beforeAll(async () => {
  browser = await openBrowser();
  const values = await realParamValues();
  for (const page of pageUrls(values)) {
    for (const visitor of page.visitors) visits.push({ label: `${page.file} as ${visitor}`, path: page.path, visitor });
  }
  visits.push({ label: "404 page", path: "/no-such-page", visitor: "anonymous" });
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("accessibility of every page type", () => {
  for (const lang of ["en", "zh-Hans"] as const) {
    it(`axe finds no serious or critical violation (${lang})`, async () => {
      await setLang(lang);
      const failures: string[] = [];
      const skipped: string[] = [];
      for (const visit of visits) {
        await actAs(visit.visitor);
        if (!(await open(visit)) && visit.path !== "/no-such-page") {
          skipped.push(visit.label);
          continue;
        }
        const htmlLang = await browser.page.getAttribute("html", "lang");
        if (htmlLang !== lang) failures.push(`${visit.label}: <html lang="${htmlLang}">, expected ${lang}`);
        for (const v of await seriousViolations(browser.page)) failures.push(`${visit.label}: ${v}`);
      }
      if (skipped.length) console.log(`[a11y ${lang}] redirected away (not checked): ${skipped.join(", ")}`);
      expect(visits.length - skipped.length).toBeGreaterThan(2);
      expect(failures).toEqual([]);
    });
  }

  it("works 360 px wide without sideways scrolling", async () => {
    await setLang("en");
    await browser.page.setViewportSize({ width: 360, height: 740 });
    const failures: string[] = [];
    try {
      for (const visit of visits) {
        await actAs(visit.visitor);
        if (!(await open(visit))) continue;
        if (await overflowsHorizontally(browser.page)) {
          failures.push(`${visit.label}: scrolls sideways at 360 px`);
          await screenshot(browser.page, "a11y-360px", visit.label.replace(/[^\w.-]+/g, "_"));
        }
      }
    } finally {
      await browser.page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(failures).toEqual([]);
  });

  it("resizes text to 200 % without loss of content", async () => {
    await setLang("zh-Hans");
    const failures: string[] = [];
    for (const visit of visits) {
      await actAs(visit.visitor);
      if (!(await open(visit))) continue;
      const before = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      await doubleTextSize(browser.page);
      const after = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      if (after < before * 1.9) failures.push(`${visit.label}: body text did not grow (${before}px → ${after}px)`);
      if (await overflowsHorizontally(browser.page)) failures.push(`${visit.label}: scrolls sideways at 200 % text`);
      const clipped = await clippedText(browser.page);
      if (clipped.length) failures.push(`${visit.label}: text cut off in ${clipped.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("shows where keyboard focus is on every page", async () => {
    await setLang("en");
    const failures: string[] = [];
    for (const visit of visits) {
      await actAs(visit.visitor);
      if (!(await open(visit))) continue;
      const stops = await tabStops(browser.page, 12);
      if (stops.length === 0) failures.push(`${visit.label}: nothing can be reached with Tab`);
      for (const stop of stops) if (!stop.visible) failures.push(`${visit.label}: focus on ${stop.element} is not visible`);
      // the first Tab stop is the skip link, and it leads to the main content
      if (stops[0] && !/skip|跳/i.test(stops[0].element) && !/^a "/.test(stops[0].element)) {
        failures.push(`${visit.label}: first Tab stop is ${stops[0].element}, not a skip link`);
      }
    }
    expect(failures).toEqual([]);
  });
});
