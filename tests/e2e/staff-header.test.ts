/**
 * The staff header on a 360 px phone (found walking the product as a Hong Kong or Taiwanese
 * teacher): five links, the languages, the name and "Sign out" took four lines above every page.
 * There it is now the brand and a Menu toggle (a <details>), keyboard first, without JavaScript
 * too; at desktop width the links show as before; the student's header does not change.
 * Screenshots: test-results/screenshots/staff-header/.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { translator } from "~/i18n/catalogs.server";
import { seriousViolations } from "./setup/a11y";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS, DEMO_TEACHER } from "./setup/context";

const JOURNEY = "staff-header";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const browsers: OpenBrowser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

async function open(options: Parameters<typeof openBrowser>[0]): Promise<OpenBrowser> {
  const browser = await openBrowser(options);
  browsers.push(browser);
  return browser;
}

const headerHeight = (page: Page) => page.locator("header.site-header").evaluate((el) => el.getBoundingClientRect().height);
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.textContent?.trim()}`);
/** The link box's size, as WCAG 2.2's target size (minimum) measures it. */
const box = (page: Page, selector: string) => page.locator(selector).evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));

describe("the staff header on a 360 px phone (繁體中文)", () => {
  const t = translator("zh-Hant");

  it("is one line with a Menu toggle; the toggle opens and closes by keyboard, says so, and is axe clean", async () => {
    const browser = await open({ lang: "zh-Hant", as: DEMO_TEACHER, viewport: PHONE });
    const { page } = browser;
    await page.goto("/teach");
    const nav = page.getByRole("navigation", { name: t("nav.main") });
    const toggle = page.locator("header .staff-menu > summary");
    // closed: the brand and the toggle, one line; the links and Sign out are out of sight and out of the Tab order
    expect(await toggle.isVisible()).toBe(true);
    expect((await toggle.innerText()).trim()).toBe(t("nav.menu"));
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: t("nav.signOut") }).isVisible()).toBe(false);
    expect(await headerHeight(page)).toBeLessThan(80);
    const size = await box(page, "header .staff-menu > summary");
    expect(size.height).toBeGreaterThanOrEqual(24);
    expect(size.width).toBeGreaterThanOrEqual(24);
    expect(await seriousViolations(page, ["target-size"])).toEqual([]);
    await screenshot(page, JOURNEY, "01-phone-closed");

    // keyboard: skip link, brand, the toggle; Enter opens it, announced as expanded
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(`summary ${t("nav.menu")}`);
    const ring = await toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.locator("header .staff-menu").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await nav.isVisible()).toBe(true);
    for (const name of [t("nav.learn"), t("nav.playground"), t("nav.teach"), t("nav.admin"), t("nav.help")]) {
      expect(await nav.getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole("button", { name: t("nav.signOut") }).isVisible()).toBe(true);
    // the next Tab stop is the first link the toggle showed
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe(`a ${t("nav.learn")}`);
    expect(await seriousViolations(page, ["target-size"])).toEqual([]);
    await screenshot(page, JOURNEY, "02-phone-open");

    // Escape closes it, and focus goes back to the toggle
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    expect(await focused(page)).toBe(`summary ${t("nav.menu")}`);

    // a link in the menu leads to its page, and the menu is closed there
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: t("nav.help"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/help");
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await headerHeight(page)).toBeLessThan(80);
    expect(browser.problems).toEqual([]);
  });

  it("opens without JavaScript", async () => {
    const browser = await open({ lang: "zh-Hant", as: DEMO_TEACHER, viewport: PHONE, javaScriptEnabled: false });
    const { page } = browser;
    await page.goto("/teach");
    const nav = page.getByRole("navigation", { name: t("nav.main") });
    expect(await nav.isVisible()).toBe(false);
    await page.locator("header .staff-menu > summary").click();
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: t("nav.signOut") }).isVisible()).toBe(true);
  });
});

describe("what does not change", () => {
  const t = translator("zh-Hant");

  it("at desktop width the staff header shows its links, and no toggle", async () => {
    const browser = await open({ lang: "zh-Hant", as: DEMO_TEACHER, viewport: DESKTOP });
    const { page } = browser;
    await page.goto("/teach");
    expect(await page.locator("header .staff-menu > summary").isVisible()).toBe(false);
    const nav = page.getByRole("navigation", { name: t("nav.main") });
    for (const name of [t("nav.learn"), t("nav.playground"), t("nav.teach"), t("nav.admin"), t("nav.help")]) {
      expect(await nav.getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await page.getByRole("button", { name: t("nav.signOut") }).isVisible()).toBe(true);
    expect(await headerHeight(page)).toBeLessThan(80);
    await screenshot(page, JOURNEY, "03-desktop");
  });

  it("a student's header on a phone has no toggle: its links, languages and Sign out stay in sight, on two lines", async () => {
    const browser = await open({ lang: "zh-Hant", as: DEMO_STUDENTS[0], viewport: PHONE });
    const { page } = browser;
    await page.goto("/learn");
    expect(await page.locator("header .staff-menu").count()).toBe(0);
    const nav = page.getByRole("navigation", { name: t("nav.main") });
    expect(await nav.getByRole("link", { name: t("nav.learn"), exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole("link", { name: t("nav.playground"), exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: t("nav.signOut") }).isVisible()).toBe(true);
    // two lines, as before: the brand and the links, then the languages, the name and Sign out
    const lines = await page.locator("header.site-header").evaluate((header) => {
      const middles = [...header.querySelectorAll("a, button")]
        .filter((el) => !el.classList.contains("skip-link") && el.getBoundingClientRect().height > 0)
        .map((el) => (el.getBoundingClientRect().top + el.getBoundingClientRect().bottom) / 2)
        .sort((a, b) => a - b);
      // a new line starts where the next middle is more than half a line lower
      return middles.filter((middle, i) => i === 0 || middle - middles[i - 1]! > 16).length;
    });
    expect(lines).toBe(2);
    await screenshot(page, JOURNEY, "04-student-phone");
  });
});
