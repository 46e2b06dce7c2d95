/**
 * The student journey with the keyboard alone — Tab, arrows, Space, Enter and typing, never the
 * mouse: join a class with its code, take a lesson step by step, answer the quiz (one "I'm not
 * sure"), and send a prompt in the playground. Every control reached shows where focus is.
 * Screenshots: test-results/screenshots/keyboard/.
 */
import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, fakeAnthropic, testSql } from "./setup/context";
import { answerQuiz, compiledLesson, tabTo, walkSteps } from "./setup/lesson-driver";

const JOURNEY = "keyboard";
const t = translator("en");
const lesson = compiledLesson();
const username = `keys-${crypto.randomBytes(3).toString("hex")}`;
let browser: OpenBrowser;
const unseenFocus: string[] = [];

/** Tab to the control, check its focus is visible, then type into it. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await recordFocus(page);
  await page.keyboard.type(text);
}

async function recordFocus(page: Page) {
  const seen = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "nothing focused";
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1) || (s.boxShadow !== "none" && s.boxShadow !== "");
    return ring ? null : `${el.tagName.toLowerCase()}#${el.id}`;
  });
  if (seen) unseenFocus.push(`${new URL(page.url()).pathname}: ${seen}`);
}

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("the student journey with the keyboard alone", () => {
  it("joins with the code", async () => {
    const page = browser.page;
    const [cls] = await testSql()<{ join_code: string }[]>`select join_code from classes where id = ${await demoClassId()}`;
    await page.goto("/join");
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    // a mistyped code: the keyboard goes back to the box, which says what is wrong (found in an
    // accessibility walk: the red text appeared in silence, focus still on the button)
    await typeInto(page, "#f-code", "x");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/join\?code=x$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-code");
    expect(await page.getAttribute("#f-code", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#f-code", "aria-describedby")).toContain("f-code-error");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(cls!.join_code);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/join\/[A-Z0-9]+/i);
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await typeInto(page, "#f-displayName", "Kay Board");
    // a name and a password both refused, Enter pressed in the password box: the keyboard goes to
    // the first field to fix, so its error is read (found in a 13-year-old's walk)
    await typeInto(page, "#f-username", "a b!");
    await typeInto(page, "#f-password", "123");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-username");
    expect(await page.getAttribute("#f-username", "aria-invalid")).toBe("true");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(username);
    await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("green-lamp-river-7");
    await screenshot(page, JOURNEY, "01-join");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/learn\?welcome=1$/);
  });

  it("takes a lesson step by step and answers the quiz", async () => {
    const page = browser.page;
    await walkSteps(page, lesson.slug, "keyboard", {
      onStep: async (i) => {
        // after "Next", focus moves to the new step's title, as a page load puts the reader at the top
        if (i > 0) {
          const focused = await page.evaluate(() => document.activeElement?.id ?? "");
          if (focused !== "step-title") unseenFocus.push(`step ${i + 1}: focus on "${focused}", not the step title`);
        }
        if (i === 1) await screenshot(page, JOURNEY, "02-step-2-focus");
      },
    });
    await answerQuiz(page, lesson.slug, "keyboard");
    // the score is where the keyboard is, so a screen reader reads it (found in an accessibility walk)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("score-title");
    await screenshot(page, JOURNEY, "03-results");
    expect(await page.locator(".score-card").innerText()).toContain(t("learn.quiz.notSureThanks", { n: 1 }));
    const [row] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from quiz_answers qa join users u on u.id = qa.user_id
      where u.username = ${username} and qa.kind = 'quiz' and qa.not_sure`;
    expect(row!.n).toBe(1);
  });

  it("answers a check in a step and hears the result: focus moves onto it, twice", async () => {
    // found in a 13-year-old's walk: after "Check my answer" the form was rebuilt and focus fell
    // to the page's start, so a keyboard user had to Tab down from the top again
    const page = browser.page;
    const step = lesson.content.en!.steps.find((s) => JSON.stringify(s.blocks).includes('"t":"check"'))!;
    await page.goto(`/learn/${lesson.slug}?step=${step.id}`);
    for (const attempt of [1, 2]) {
      // an answer (the first choice in the order shown), then how sure
      await tabTo(page, ".check-form input[type=radio]:not([name$='.confidence'])");
      await page.keyboard.press("Space");
      await tabTo(page, ".check-form input[name$='.confidence']");
      await page.keyboard.press("Space");
      await tabTo(page, ".check-form button[type=submit]");
      await recordFocus(page);
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest("[data-check-result]") !== null), { timeout: 10_000 })
        .toBe(true);
      await recordFocus(page);
      if (attempt === 1) await screenshot(page, JOURNEY, "03a-check-result");
      // a right answer ends the check; a wrong one may be tried again
      if ((await page.locator(".check-form").count()) === 0) break;
    }
  });

  // Found in an accessibility walk: each press of a widget's button disabled it while the mini
  // model worked, and a disabled button drops the focus to the page: stepping a text token by token
  // meant Shift+Tab back after every press.
  it("steps the next-token widget with Enter, the focus staying on its button", async () => {
    const page = browser.page;
    // hydrated: the widget has asked the mini model for its first guesses
    const firstGuesses = page.waitForResponse((r) => r.url().endsWith("/api/next-token"));
    await page.goto("/learn/tokens?step=probabilities");
    await firstGuesses;
    await tabTo(page, ".next-token-widget .widget-actions button:first-child");
    const text = page.locator(".next-token-widget textarea");
    // two presses: "before" → "before dinner" → "before dinner." (a third adds the end of the text)
    for (let press = 1; press <= 2; press++) {
      const before = (await text.inputValue()).length;
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await text.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(before);
      await expect.poll(() => page.locator(".next-token-widget .widget-actions button:first-child").getAttribute("aria-disabled")).toBe(null);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(t("widget.nextToken.step"));
    }
    await recordFocus(page);
  });

  it("a second try sent with nothing chosen takes focus to what is missing, not to the first try's result", async () => {
    // found in a review: the answer's errors came back to "#check-…", and focus went to the old result
    const page = browser.page;
    const step = lesson.content.en!.steps.filter((s) => JSON.stringify(s.blocks).includes('"t":"check"')).at(-1)!;
    await page.goto(`/learn/${lesson.slug}?step=${step.id}`);
    // "I'm not sure" (how it is chosen is the first test's business): it may be tried again
    await page.locator(".check-form input.not-sure-input").check();
    await tabTo(page, ".check-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator("[data-check-result]").waitFor();
    await tabTo(page, ".check-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator(".check-form [aria-invalid=true], .check-form .field-error").first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest("[data-check-result]") === null)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest(".check-form fieldset[aria-invalid=true]") !== null)).toBe(true);
    const refused = browser.problems.findIndex((p) => p.includes(`400 for fetch /learn/${lesson.slug}.data`));
    if (refused >= 0) browser.problems.splice(refused, 1);
  });

  it("a quiz sent with answers missing, after a language switch, takes focus to the list of what is missing", async () => {
    // found in a 13-year-old's walk: with ?lang= in the address, the step title took the focus back
    const page = browser.page;
    await page.goto(`/learn/${lesson.slug}?view=quiz&retry=1&lang=en`);
    await page.locator(".quiz-form").waitFor();
    await tabTo(page, ".quiz-form button[type=submit]", 200);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches(".quiz-form .form-error[role=alert]") ?? false), { timeout: 10_000 }).toBe(true);
    // the server answers a quiz with answers missing with a 400, as it should: not a fault of the page
    const refused = browser.problems.findIndex((p) => p.includes(`400 for fetch /learn/${lesson.slug}.data`));
    expect(refused).toBeGreaterThanOrEqual(0);
    browser.problems.splice(refused, 1);
  });

  it("sends a prompt in the playground and reads the reply", async () => {
    const page = browser.page;
    await fakeAnthropic.reset();
    await fakeAnthropic.script({ kind: "reply", text: "Keyboard reply arrives token by token." });
    await page.goto("/playground");
    if (await page.locator("#pg-model").count()) {
      await tabTo(page, "#pg-model");
      await recordFocus(page);
      // choose the first Claude model with the arrow keys
      for (let i = 0; i < 5 && !/^claude/.test(await page.inputValue("#pg-model")); i++) await page.keyboard.press("ArrowDown");
    }
    await typeInto(page, "#pg-prompt", "Hello from the keyboard");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.locator("main").innerText(), { timeout: 10_000 }).toContain("Keyboard reply arrives token by token.");
    await screenshot(page, JOURNEY, "04-playground");
  });

  it("focus was visible on every control the keyboard reached", () => {
    expect(unseenFocus).toEqual([]);
    // the refused join form answers 400 on purpose
    expect(browser.problems.filter((p) => !/: 400 for fetch \/join\/[A-Z0-9]+\.data$/.test(p))).toEqual([]);
  });
});
