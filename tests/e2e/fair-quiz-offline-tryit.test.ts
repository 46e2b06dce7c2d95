/**
 * Issue 14 in the browser: two students see the quiz's choices in different orders, each stable
 * across a reload; with no Claude key, a try-it says before the student starts that the check
 * looks at their prompt, and passes. Screenshots: test-results/screenshots/fair-quiz/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS } from "./setup/context";
import { compiledLesson } from "./setup/lesson-driver";

const JOURNEY = "fair-quiz";
const opened: OpenBrowser[] = [];
afterAll(async () => {
  for (const b of opened) await b.close();
  await closeTestSql();
});

async function open(options: Parameters<typeof openBrowser>[0]) {
  const b = await openBrowser(options);
  opened.push(b);
  return b;
}

const choiceOrder = (b: OpenBrowser) =>
  b.page.locator(".quiz-form fieldset").evaluateAll((sets) =>
    sets.map((s) => [...s.querySelectorAll("input[type=radio],input[type=checkbox]")].map((i) => (i as HTMLInputElement).value).join(",")).join("|"),
  );

describe("fair questions", () => {
  it("shows two students different orders, stable across a reload, in English and 简体中文", async () => {
    // The last lesson: the demo students have not taken its quiz, so the form shows.
    const slug = compiledLesson("responsible-ai").slug;
    const a = await open({ as: DEMO_STUDENTS[4], lang: "en" });
    const b = await open({ as: DEMO_STUDENTS[5], lang: "zh-Hans" });
    await a.page.goto(`/learn/${slug}?view=quiz`);
    const first = await choiceOrder(a);
    expect(first).toMatch(/^[^|]+\|/);
    await a.page.reload();
    expect(await choiceOrder(a)).toBe(first);
    await b.page.goto(`/learn/${slug}?view=quiz`);
    const second = await choiceOrder(b);
    expect(second.split("|")).toHaveLength(first.split("|").length);
    expect(second).not.toBe(first);
    await screenshot(a.page, JOURNEY, "01-quiz-en");
    await screenshot(b.page, JOURNEY, "02-quiz-zh-hans");
  });
});

describe("try-its without a key", () => {
  it("says the check looks at the prompt, and passes with the mini model", async () => {
    for (const [lang, n] of [["en", 3], ["zh-Hans", 4]] as const) {
      const t = translator(lang);
      const s = await open({ as: DEMO_STUDENTS[n - 1], lang });
      await s.page.goto(`/playground?tryit=${encodeURIComponent("prompting:prompting-try-unsure")}`);
      await expect.poll(() => s.page.locator(".pg-tryit").innerText()).toContain(t("playground.tryit.miniNote"));
      await s.page.getByLabel(t("playground.model.label")).selectOption("mini");
      await s.page.getByRole("button", { name: t("playground.send") }).click();
      await expect.poll(() => s.page.locator(".pg-messages .pg-grade").first().innerText(), { timeout: 15_000 }).toContain(t("playground.tryit.passed"));
      expect(await s.page.locator(".pg-messages .pg-grade").first().innerText()).toContain(t("playground.tryit.onPrompt"));
      await screenshot(s.page, JOURNEY, `03-tryit-${lang}`);
    }
  });
});
