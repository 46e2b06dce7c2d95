/**
 * Takes a lesson the way a student does — step by step with the "Next" button, then the quiz —
 * either with the mouse or with the keyboard alone. What to answer comes from the compiled
 * course (build/course.json): the first question gets "I'm not sure", the rest the right answer.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "../../../scripts/harness/lantern-server";

interface CompiledQuestion {
  id: string;
  type: "single" | "multiple" | "text";
  answer: string[];
  content: Record<string, { prompt: string; accepted: string[] }>;
}

interface CompiledLesson {
  slug: string;
  content: Record<string, { title: string; steps: { id: string; title: string; blocks: unknown[] }[] }>;
  quiz: CompiledQuestion[];
}

export function compiledLesson(slug?: string): CompiledLesson {
  const course = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as { lessons: CompiledLesson[] };
  const lesson = slug ? course.lessons.find((l) => l.slug === slug) : course.lessons[0];
  if (!lesson) throw new Error(`no lesson ${slug} in build/course.json`);
  return lesson;
}

/** Element ids the quiz form gives its inputs (components/lesson/question-fields.tsx). */
const ids = (q: CompiledQuestion) => ({
  notSure: `quiz-${q.id}-notsure`,
  choice: (choice: string) => `quiz-${q.id}-${choice}`,
  text: `quiz-${q.id}-text`,
  confidence: `quiz-${q.id}-conf-fairly_sure`,
});

export type Input = "mouse" | "keyboard";

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${selector} with Tab in ${max} presses`);
}

/** Activates the button or link whose text matches, with Enter (keyboard) or a click. */
export async function activate(page: Page, name: RegExp | string, input: Input, role: "button" | "link" = "button"): Promise<void> {
  const target = page.getByRole(role, { name }).first();
  if (input === "mouse") {
    await target.click();
    return;
  }
  await target.evaluate((el) => el.setAttribute("data-e2e-target", "1"));
  try {
    await tabTo(page, "[data-e2e-target]");
    await page.keyboard.press("Enter");
  } finally {
    await target.evaluate((el) => el.removeAttribute("data-e2e-target")).catch(() => {});
  }
}

async function choose(page: Page, id: string, input: Input, radio: boolean): Promise<void> {
  const selector = `#${CSS.escape(id)}`;
  if (input === "mouse") {
    await page.check(selector);
    return;
  }
  if (radio) {
    // Tab lands on a radio group once; arrow keys move the choice within it.
    const name = await page.getAttribute(selector, "name");
    await tabTo(page, `input[type=radio][name="${name}"]`);
    for (let i = 0; i < 12 && !(await page.isChecked(selector)); i++) {
      const focusedIsTarget = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
      await page.keyboard.press(focusedIsTarget ? "Space" : "ArrowDown");
    }
  } else {
    await tabTo(page, selector);
    await page.keyboard.press("Space");
  }
  expect(await page.isChecked(selector), `${id} chosen with the keyboard`).toBe(true);
}

/** CSS.escape for Node (ids here are letters, digits, dashes and underscores). */
const CSS = { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) };

/**
 * From the lesson's first step to the quiz, pressing "Next" on every step; waits for each step's
 * title (in `locale`) before going on. Returns the titles seen.
 */
export async function walkSteps(
  page: Page,
  slug: string,
  input: Input,
  options: { locale?: string; onStep?: (index: number) => Promise<void> } = {},
): Promise<string[]> {
  const lesson = compiledLesson(slug);
  const steps = lesson.content[options.locale ?? "en"]!.steps;
  const seen: string[] = [];
  await page.goto(`/learn/${slug}?step=${steps[0]!.id}`);
  for (let i = 0; i < steps.length; i++) {
    const title = page.locator("#step-title");
    await expect.poll(async () => (await title.innerText()).trim(), { timeout: 10_000 }).toBe(steps[i]!.title);
    seen.push((await title.innerText()).trim());
    await options.onStep?.(i);
    const last = i === steps.length - 1;
    await activate(page, last ? /quiz|测验|測驗|finish|完成/i : /^(next|下一)/i, input, (await nextIsLink(page)) ? "link" : "button");
  }
  await page.locator("#quiz-title").waitFor({ timeout: 10_000 });
  return seen;
}

async function nextIsLink(page: Page): Promise<boolean> {
  return (await page.locator(".step-nav a[rel=next]").count()) > 0;
}

/**
 * Fills the quiz: question 1 "I'm not sure", every other one right and "fairly sure" (a text
 * question gets `typed` instead, when given); submits.
 */
export async function answerQuiz(page: Page, slug: string, input: Input, typed?: string): Promise<{ notSure: string; answered: number }> {
  const lesson = compiledLesson(slug);
  await page.locator(".quiz-form").waitFor();
  for (const [index, q] of lesson.quiz.entries()) {
    const id = ids(q);
    if (index === 0) {
      await choose(page, id.notSure, input, q.type === "single");
      continue;
    }
    if (q.type === "text") {
      const accepted = typed ?? q.content.en?.accepted[0] ?? "tokens";
      if (input === "mouse") await page.fill(`#${id.text}`, accepted);
      else {
        await tabTo(page, `#${id.text}`);
        await page.keyboard.type(accepted);
      }
    } else {
      for (const choice of q.type === "single" ? q.answer.slice(0, 1) : q.answer) await choose(page, id.choice(choice), input, q.type === "single");
    }
    await choose(page, id.confidence, input, true);
  }
  const before = page.url();
  await activate(page, /check my answers|检查|檢查|提交/i, input);
  // the results' address, or — for an answer that needs help — the support card, with no redirect
  await Promise.race([
    page.waitForURL((url) => url.toString() !== before || url.hash === "#quiz-results", { timeout: 10_000 }),
    page.getByTestId("support-card").waitFor({ timeout: 10_000 }),
  ]).catch(() => {});
  await page.locator("#score-title").waitFor({ timeout: 10_000 });
  return { notSure: lesson.quiz[0]!.id, answered: lesson.quiz.length };
}
