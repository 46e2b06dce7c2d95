/**
 * A teacher's forms with the keyboard: after a save that rebuilds its form, the keyboard goes to
 * what was done (found in a walk: assigning a lesson left the focus on the page itself, the pressed
 * button gone with the old form).
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, makeClassOf, makeTeacher } from "./setup/context";

const browsers: OpenBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

describe("a teacher's forms with the keyboard", () => {
  it("assigning a lesson puts the keyboard on the notice that says it was assigned", async () => {
    const t = translator("zh-Hant");
    const teacher = await makeTeacher("Keyboard Teacher");
    const classId = await makeClassOf(teacher, "Class 8K");
    const b = await openBrowser({ lang: "zh-Hant", as: teacher.username, viewport: { width: 360, height: 740 } });
    browsers.push(b);
    const { page } = b;
    await page.goto(`/teach/classes/${classId}/assignments`);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await page.selectOption("#a-lesson", { index: 1 });
    await page.locator('#assign-h ~ form button[type="submit"], form:has(#a-lesson) button[type="submit"]').first().focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => ({ role: document.activeElement?.getAttribute("role"), text: document.activeElement?.textContent?.trim() })))
      .toEqual({ role: "status", text: t("teach.dash.assign.created") });
    expect(b.problems).toEqual([]);
  });
});
