/**
 * A class's students on a 360 px phone, in 简体中文: found in a walk as a mainland teacher, the
 * three-column table left the name column one character wide (阿/卜/杜/拉/·/买/买/提 down the cell,
 * 姓/名 in the header) and the opened "more" actions four characters a line. Each name reads on
 * one line, the actions get the screen's width, and the page does not scroll sideways.
 * Screenshot: test-results/screenshots/roster-on-a-phone/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openBrowser, screenshot, scrollsHorizontally } from "./setup/browser";
import { baseUrl, closeTestSql, makeClassOf, makeStudent, makeTeacher } from "./setup/context";

afterAll(() => closeTestSql());

/** How many lines an element's text is drawn on. */
const linesOf = (el: Element) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
};

describe("the roster at 360 px", () => {
  it("keeps a student's name on one line and gives the actions room", async () => {
    const teacher = await makeTeacher("王老师");
    const classId = await makeClassOf(teacher, "初一（3）班");
    const name = "阿卜杜拉·买买提";
    await makeStudent(classId, name, `abudula.maimaiti.${Date.now() % 10_000}`);
    await makeStudent(classId, "欧阳娜娜");
    const browser = await openBrowser({ lang: "zh-Hans", as: teacher.username, viewport: { width: 360, height: 740 } });
    try {
      const { page } = browser;
      await page.goto(`${baseUrl()}/teach/classes/${classId}/roster`);
      const cell = page.locator("td", { hasText: name }).first();
      expect(await cell.evaluate(linesOf)).toBe(1);

      const more = page.locator("details", { hasText: `${name}的更多操作` });
      await more.locator("summary").click();
      const confirm = more.locator("label", { hasText: "确定永久删除" });
      // at four characters a line the sentence took a screen of its own
      expect((await confirm.boundingBox())!.width).toBeGreaterThan(240);
      expect(await scrollsHorizontally(page)).toBe(false);
      await screenshot(page, "roster-on-a-phone", "roster-360-zh-Hans");
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
