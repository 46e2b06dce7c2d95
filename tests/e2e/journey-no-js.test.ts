/**
 * With JavaScript switched off, a student reads a lesson step by step and answers its quiz:
 * plain links and forms carry the whole journey, and the answers are saved. In the playground, a
 * prompt held back for personal data opens its conversation, with the student's words kept.
 * Screenshots: test-results/screenshots/no-javascript/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, makeStudent, testSql } from "./setup/context";
import { answerQuiz, compiledLesson, walkSteps } from "./setup/lesson-driver";
import { lessonSlugs } from "./setup/routes";

const JOURNEY = "no-javascript";
const t = translator("en");
// the second lesson: its tokenizer widget must have a fallback without JavaScript
const lesson = compiledLesson(lessonSlugs()[1]);
let browser: OpenBrowser;
let username = "";

beforeAll(async () => {
  username = (await makeStudent(await demoClassId(), "Nojs Student")).username;
  browser = await openBrowser({ javaScriptEnabled: false, as: username });
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("without JavaScript", () => {
  it("a student reads a lesson step by step and answers its quiz", async () => {
    const page = browser.page;
    // really without JavaScript: the page's scripts never ran, so Remix never hydrated it
    await page.goto("/learn");
    expect(await page.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter)).toBe("undefined");

    const titles = await walkSteps(page, lesson.slug, "mouse", {
      onStep: async (i) => {
        if (i === 0) await screenshot(page, JOURNEY, "01-first-step");
        if (lesson.content.en!.steps[i]!.id && i === 2) await screenshot(page, JOURNEY, "02-step-3");
      },
    });
    expect(titles).toEqual(lesson.content.en!.steps.map((s) => s.title));
    await screenshot(page, JOURNEY, "03-quiz");
    await answerQuiz(page, lesson.slug, "mouse");
    await screenshot(page, JOURNEY, "04-results");
    expect(await page.locator(".score-card").innerText()).toContain(t("learn.quiz.notSureThanks", { n: 1 }));

    const sql = testSql();
    const [progress] = await sql<{ steps_done: string[] }[]>`
      select lp.steps_done from lesson_progress lp join users u on u.id = lp.user_id
      where u.username = ${username} and lp.lesson_slug = ${lesson.slug}`;
    for (const s of lesson.content.en!.steps) expect(progress!.steps_done).toContain(s.id);
    const [answers] = await sql<{ n: number; not_sure: number }[]>`
      select count(*)::int as n, count(*) filter (where not_sure)::int as not_sure
      from quiz_answers qa join users u on u.id = qa.user_id
      where u.username = ${username} and qa.lesson_slug = ${lesson.slug} and qa.kind = 'quiz'`;
    expect(answers).toEqual({ n: lesson.quiz.length, not_sure: 1 });
  });

  it("a prompt blocked for personal data in a new chat opens that chat, says why once and keeps the words", async () => {
    const page = browser.page;
    await page.goto("/playground");
    const chats = await page.locator(".pg-chat-list li").count();
    const prompt = "Hi, my phone is 07700 900123, can you text me the answer?";
    await page.getByRole("textbox", { name: t("playground.prompt.label"), exact: true }).fill(prompt);
    await page.getByRole("button", { name: t("playground.send") }).click();
    await page.locator(".pg-messages .pg-note").waitFor();
    // the chat the blocked prompt is stored in is the one shown, and marked in the list
    const messages = page.locator(".pg-messages > li");
    expect(await messages.count()).toBe(1);
    expect(await messages.first().innerText()).not.toContain("900123");
    expect(await page.locator(".pg-chat-list li").count()).toBe(chats + 1);
    expect(await page.locator(".pg-chat-list [aria-current='page']").count()).toBe(1);
    // why it was not sent, said once, and the student's own words back in the box to edit
    const note = await page.locator(".pg-messages .pg-note").innerText();
    expect(note.length).toBeGreaterThan(20);
    expect(await page.getByText(note, { exact: true }).count()).toBe(1);
    expect(await page.getByRole("textbox", { name: t("playground.prompt.label"), exact: true }).inputValue()).toBe(prompt);
    await screenshot(page, JOURNEY, "05-playground-blocked");

    // sent again without the number, it continues the same chat, now with its address
    await page.getByRole("textbox", { name: t("playground.prompt.label"), exact: true }).fill("Hi, can you explain what a token is?");
    await page.getByRole("button", { name: t("playground.send") }).click();
    await page.waitForURL(/\/playground\?c=/);
    expect(await page.locator(".pg-chat-list li").count()).toBe(chats + 1);
    expect(await messages.count()).toBe(3);
    expect(await page.locator(".pg-chat-list [aria-current='page']").count()).toBe(1);
  });
});
