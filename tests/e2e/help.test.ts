/**
 * The help page for teachers and school admins (/help, decision 032), in Chromium: reached from
 * the staff header, in English and 简体中文; every link of its contents lands on its section; the
 * admin's sections for the admin only; axe finds nothing serious, headings in order, everything in
 * a landmark. Screenshots: test-results/screenshots/help/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { seriousViolations } from "./setup/a11y";
import { closeTestSql, DEMO_STUDENTS, DEMO_TEACHER, makeTeacher } from "./setup/context";

const JOURNEY = "help";
const browsers: OpenBrowser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

describe.each(["en", "zh-Hans"] as const)("the help page in %s", (lang) => {
  const t = translator(lang);

  it("opens from the staff header; its contents lead to every section; axe is clean", async () => {
    // the demo teacher is the school's admin
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/teach");
    await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.help") }).click();
    await page.waitForURL((url) => url.pathname === "/help");
    await page.getByRole("heading", { level: 1, name: t("teach.help.title") }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.title()).toBe(t("teach.help.pageTitle"));
    // the admin's part is there, under its own heading
    await page.getByRole("heading", { level: 2, name: t("teach.help.adminTitle"), exact: true }).waitFor();
    expect(await seriousViolations(page, ["heading-order", "region", "landmark-unique"])).toEqual([]);
    await screenshot(page, JOURNEY, `01-help-admin-${lang}`);

    const toc = page.getByRole("navigation", { name: t("teach.help.contents") });
    const links = toc.getByRole("link");
    const count = await links.count();
    expect(count).toBe(11);
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const [href, name] = [await link.getAttribute("href"), (await link.innerText()).trim()];
      await link.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      // the section's heading, with the link's words, is in view
      const heading = page.locator(`[id="${href!.slice(1)}"]`);
      expect(await heading.evaluate((el) => el.tagName)).toMatch(/^H[23]$/);
      expect((await heading.innerText()).trim()).toBe(name);
      await expect
        .poll(() => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight ? "in view" : `${el.id}: ${r.top}..${r.bottom} of ${window.innerHeight}, scrollY ${window.scrollY}`; }))
        .toBe("in view");
      // and back to the contents
      await page.locator(`section:has(> [id="${href!.slice(1)}"])`).getByRole("link", { name: t("teach.help.top") }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe("#help-contents");
    }
    expect(browser.problems).toEqual([]);
  });

  it("shows a teacher who is not the admin the teacher's sections only", async () => {
    const teacher = await makeTeacher(lang === "en" ? "Help Reader" : "王老师");
    const browser = await openBrowser({ lang, as: teacher.username });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/help");
    await page.getByRole("heading", { level: 1, name: t("teach.help.title") }).waitFor();
    expect(await page.getByRole("heading", { name: t("teach.help.adminTitle"), exact: true }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: t("teach.help.contents") }).getByRole("link").count()).toBe(9);
    expect(await page.locator('a[href="/admin/models"]').count()).toBe(0);
    expect(await seriousViolations(page, ["heading-order", "region"])).toEqual([]);
    await screenshot(page, JOURNEY, `02-help-teacher-${lang}`);
    expect(browser.problems).toEqual([]);
  });
});

describe("a student", () => {
  it("has no Help link, and /help is not found", async () => {
    const browser = await openBrowser({ lang: "en", as: DEMO_STUDENTS[0] });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/learn");
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" }).count()).toBe(0);
    const answer = await page.goto("/help");
    expect(answer?.status()).toBe(404);
  });
});
