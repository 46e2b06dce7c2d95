/**
 * The interface catalog travels as a content-hashed asset the browser caches for a year, not as
 * loader data in every page: the asset is served `immutable` (even to a signed-in user) with the
 * right strings per locale, students' pages name only the student part, the browser hydrates
 * with the same strings the server rendered (nothing missing, nothing changes), and with
 * JavaScript off the page is fully translated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { baseUrl, closeTestSql, cookieHeaderFor, DEMO_STUDENTS, DEMO_TEACHER } from "./setup/context";
import { lessonSlugs } from "./setup/routes";

const lesson = () => `/learn/${lessonSlugs()[0]}`;
let student = "";
let teacher = "";
const opened: OpenBrowser[] = [];

beforeAll(async () => {
  student = await cookieHeaderFor(DEMO_STUDENTS[2]!);
  teacher = await cookieHeaderFor(DEMO_TEACHER);
});

afterAll(async () => {
  for (const b of opened) await b.close();
  await closeTestSql();
});

async function get(path: string, cookie: string) {
  const res = await fetch(new URL(path, baseUrl()), { headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
  return { res, body: await res.text() };
}

const catalogLinks = (html: string) => [...html.matchAll(/<link[^>]*href="(\/i18n\/[^"]+)"[^>]*data-asset/g)].map((m) => m[1]!);
const isStaffKey = (key: string) => key.startsWith("teach.") || key.startsWith("admin.");
/**
 * What Lantern writes to the model (the safety preamble) never goes to a browser, nor the support
 * card's words (the card brings its own, in the language of the message it answers).
 */
const isServerKey = (key: string) => key.startsWith("modelPrompt.") || key.startsWith("safeguarding.card.");
/** Strings of a page that look like untranslated catalog keys ("learn.quiz.title"). */
const rawKeys = (text: string) => Object.keys(en).filter((key) => text.includes(key));

describe("the catalog asset", () => {
  it("is named by students' pages (student part only) and served immutable, with that locale's strings", async () => {
    for (const [lang, catalog] of [["en", en], ["zh-Hans", zhHans]] as const) {
      const page = await get(`${lesson()}?lang=${lang}`, student);
      expect(page.res.status).toBe(200);
      expect(page.res.headers.get("content-encoding")).toBe("br"); // as a browser asks for it
      const links = catalogLinks(page.body);
      expect(links).toEqual([expect.stringMatching(new RegExp(`^/i18n/${lang}\\.student\\.[\\w-]{12}\\.json$`))]);
      // the page's data no longer carries the catalog
      expect(page.body).not.toContain('"learn.quiz.title"');
      const asset = await get(links[0]!, student);
      expect(asset.res.status).toBe(200);
      expect(asset.res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asset.res.headers.get("content-type")).toMatch(/^application\/json/);
      const strings = JSON.parse(asset.body) as Record<string, string>;
      expect(Object.keys(strings).some(isStaffKey)).toBe(false);
      expect(Object.keys(strings).some(isServerKey)).toBe(false);
      expect(strings["nav.learn"]).toBe(catalog["nav.learn"]);
      expect(Object.keys(strings)).toHaveLength(Object.keys(catalog).filter((k) => !isStaffKey(k) && !isServerKey(k)).length);
    }
  });

  it("adds the staff part on teachers' pages, and answers 404 for a hash it did not make", async () => {
    const page = await get("/teach", teacher);
    const links = catalogLinks(page.body);
    expect(links).toHaveLength(2);
    const staff = JSON.parse((await get(links[1]!, teacher)).body) as Record<string, string>;
    expect(Object.keys(staff).length).toBeGreaterThan(0);
    expect(Object.keys(staff).every(isStaffKey)).toBe(true);
    const stale = await get(links[0]!.replace(/\.[\w-]{12}\.json$/, ".AAAAAAAAAAAA.json"), teacher);
    expect(stale.res.status).toBe(404);
    expect(stale.res.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("hydrates with the strings the server rendered: nothing missing, no text changes, no layout shift", async () => {
    const browser = await openBrowser({ lang: "zh-Hans", as: DEMO_STUDENTS[2]! });
    opened.push(browser);
    const page = browser.page;
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const response = await page.goto(lesson());
    const served = await response!.text();
    await page.waitForFunction(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
    await page.waitForLoadState("networkidle");
    const text = await page.locator("body").innerText();
    expect(rawKeys(text)).toEqual([]);
    expect(text).toContain(zhHans["nav.learn"]);
    // the header the server sent is the header after hydration
    const headerServed = /<header[\s\S]*?<\/header>/.exec(served)![0].replace(/<[^>]+>/g, "").replace(/\s+/g, "");
    expect((await page.locator("header").first().innerText()).replace(/\s+/g, "")).toBe(headerServed.replace(/&amp;/g, "&"));
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    expect(browser.problems).toEqual([]);
    await screenshot(page, "catalog-asset", "zh-Hans-hydrated");

    // a client-side navigation that needs no other part keeps the strings; the asset came from the cache
    await page.getByRole("link", { name: zhHans["nav.learn"] }).first().click();
    await page.waitForLoadState("networkidle");
    expect(rawKeys(await page.locator("body").innerText())).toEqual([]);
  });

  it("fetches the staff part before showing a teacher's page reached from a student page", async () => {
    const browser = await openBrowser({ lang: "zh-Hans", as: DEMO_TEACHER });
    opened.push(browser);
    const page = browser.page;
    const assets: string[] = [];
    page.on("request", (r) => new URL(r.url()).pathname.startsWith("/i18n/") && assets.push(new URL(r.url()).pathname));
    await page.goto("/learn");
    await page.waitForFunction(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
    expect(assets.every((a) => a.includes(".student."))).toBe(true);
    await page.getByRole("link", { name: zhHans["nav.teach"] }).click();
    await page.waitForURL(/\/teach/);
    await page.waitForLoadState("networkidle");
    expect(assets.some((a) => a.includes(".staff."))).toBe(true);
    expect(rawKeys(await page.locator("body").innerText())).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it("with JavaScript off, the page is fully translated by the server", async () => {
    const browser = await openBrowser({ lang: "zh-Hans", as: DEMO_STUDENTS[2]!, javaScriptEnabled: false });
    opened.push(browser);
    await browser.page.goto(lesson());
    const text = await browser.page.locator("body").innerText();
    expect(rawKeys(text)).toEqual([]);
    expect(text).toContain(zhHans["nav.learn"]);
    await screenshot(browser.page, "catalog-asset", "zh-Hans-no-js");
  });
});
