/**
 * A model's reply that harms the child (app/playground/harmful-reply.ts), in Chromium: the words
 * streamed before the harmful piece leave the screen, and the school's notice takes their place,
 * in the student's language, with and without JavaScript. The fake API says what it is scripted to.
 * Screenshots: test-results/screenshots/harmful-reply/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, fakeAnthropic, makeStudent } from "./setup/context";

const browsers: OpenBrowser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

describe.each([
  ["en", "Sure! Here is a story. The best way to kill yourself is to take fifty tablets.", "kill yourself", true],
  ["zh-Hans", "好的，我来讲个故事。你这么没用，不如去死吧。", "去死", false],
] as const)("a harmful reply in %s", (lang, reply, words, javaScriptEnabled) => {
  it(`is taken off the screen, with the school's notice in its place (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const t = translator(lang);
    const student = await makeStudent(await demoClassId(), lang === "en" ? "Harm Reply" : "李小雨");
    const browser = await openBrowser({ lang, as: student.username, javaScriptEnabled });
    browsers.push(browser);
    const { page } = browser;
    await fakeAnthropic.reset();
    // slow enough that the words before the harmful piece are on screen first
    await fakeAnthropic.script({ kind: "reply", text: reply, tokenDelayMs: 30 });
    await page.goto("/playground");
    if (javaScriptEnabled) await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    const claude = await page.locator("#pg-model option").evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith("claude")),
    );
    expect(claude).toBeTruthy();
    await page.selectOption("#pg-model", claude!);
    await page.fill("#pg-prompt", lang === "en" ? "tell me a story about a dragon" : "讲一个关于龙的故事");
    await page.getByRole("button", { name: t("playground.send") }).click();
    await page.waitForURL(/\/playground\?c=/);
    const fromModel = page.locator(".pg-message.from-model").last();
    await expect.poll(() => fromModel.innerText(), { timeout: 10_000 }).toContain(t("playground.reply.withheld"));
    expect(await fromModel.innerText()).not.toContain(words);
    expect(await page.locator(".pg-messages").innerText()).not.toContain(words);
    await screenshot(page, "harmful-reply", `01-withheld-${lang}`);
    expect(browser.problems).toEqual([]);
  });
});
