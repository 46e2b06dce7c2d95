/**
 * A student on a slow laptop starts typing the moment the page appears, while its scripts are
 * still taking over the page (hydration). Every load must end hydrated, with what was typed kept
 * and no error: before decision 031, a key pressed while Remix was still decoding the page's data
 * made React throw "Root did not complete" (#345) and left the page without its scripts for good
 * (six loads in eight, with the CPU slowed ten times as here).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql } from "./setup/context";
import { compiledLesson } from "./setup/lesson-driver";

let browser: OpenBrowser;

beforeAll(async () => {
  // a visitor: the join page is where a new student starts; a visitor reads every lesson
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

/** A page of its own with the CPU slowed `rate` times, as on a cheap laptop. */
async function slowPage(rate: number): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return page;
}

/** Loads `path` and types into `field` from the moment it exists, while the page hydrates. */
async function typeWhileHydrating(path: string, field: string, text: string) {
  const page = await slowPage(10);
  try {
    await page.goto(path, { waitUntil: "commit" });
    await page.waitForSelector(field, { state: "attached" });
    await page.focus(field);
    for (const letter of text) {
      await page.keyboard.type(letter);
      await page.waitForTimeout(20);
    }
    // hydrated: the router Remix makes when it takes over the page
    const hydrated = await page
      .waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 15_000 })
      .then(() => true, () => false);
    return { hydrated, value: await page.inputValue(field) };
  } finally {
    await page.close();
  }
}

describe("typing while the page hydrates", () => {
  it("every load of the join page and a lesson's check ends hydrated, with the text typed and no error", async () => {
    const lesson = compiledLesson();
    // a step with a guess to write before reading on
    const withGuess = lesson.content.en!.steps.find((s) => s.id === "learning-from-text")!.id;
    const outcomes: string[] = [];
    for (let load = 0; load < 4; load++) {
      const join = await typeWhileHydrating("/join", "#f-code", "KQ7MWX");
      if (!join.hydrated || join.value !== "KQ7MWX") outcomes.push(`join ${load}: ${JSON.stringify(join)}`);
    }
    // a lesson page: its widgets and the time spent reading depend on its scripts
    for (let load = 0; load < 2; load++) {
      const step = await typeWhileHydrating(`/learn/${lesson.slug}?step=${withGuess}`, "textarea.predict-guess", "the");
      if (!step.hydrated) outcomes.push(`lesson ${load}: ${JSON.stringify(step)}`);
    }
    expect(outcomes).toEqual([]);
    expect(browser.problems).toEqual([]);
  }, 180_000);
});
