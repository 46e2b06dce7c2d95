/**
 * The assignment form's list of students on a 360 px phone, in 繁體中文: each username stays whole
 * on its line ("(demo-" / "student-3)" broke at its hyphen, found walking the form as a Hong Kong
 * or Taiwanese teacher). Screenshot: test-results/screenshots/assignment-picks/.
 */
import { afterAll, expect, it } from "vitest";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER, realParamValues } from "./setup/context";

let browser: OpenBrowser | undefined;

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

it("keeps each student's username on one line at 360 px", async () => {
  browser = await openBrowser({ lang: "zh-Hant", as: DEMO_TEACHER, viewport: { width: 360, height: 740 } });
  const { page } = browser;
  const { classId } = await realParamValues();
  expect((await page.goto(`/teach/classes/${classId}/assignments`))?.status()).toBe(200);
  const usernames = page.locator(".student-picks label.choice input[type=checkbox] + span > span");
  expect(await usernames.count()).toBeGreaterThanOrEqual(6);
  const broken = await usernames.evaluateAll((spans) =>
    spans
      .map((span) => {
        const range = document.createRange();
        range.selectNodeContents(span);
        return { text: span.textContent ?? "", lines: new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size };
      })
      .filter((u) => u.lines > 1)
      .map((u) => `${u.text}: ${u.lines} lines`),
  );
  await screenshot(page, "assignment-picks", "360px-zh-Hant");
  expect(broken).toEqual([]);
  expect(browser.problems).toEqual([]);
});
