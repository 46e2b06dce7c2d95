/**
 * What a person sees when a limit is hit, in Chromium, in English and 简体中文: an oversized form
 * post (with JavaScript: the page's own error message; without: the server's small page), and a
 * widget whose client has spent its budget (the widget says to wait, the lesson keeps working).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBrowser, SCREENSHOT_DIR } from "./setup/browser";
import { baseUrl, closeTestSql } from "./setup/context";

afterAll(closeTestSql);

const LANGS = [
  { lang: "en" as const, tooLarge: "That was too much to send", wait: /Wait \d+ seconds, then try again/ },
  { lang: "zh-Hans" as const, tooLarge: "发送的内容太多了", wait: /请等 \d+ 秒后再试/ },
];

async function shoot(page: import("playwright-core").Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe("limits, as a person meets them", () => {
  for (const { lang, tooLarge, wait } of LANGS) {
    for (const javaScriptEnabled of [true, false]) {
      it(`an oversized sign-in form shows a friendly message (${lang}, ${javaScriptEnabled ? "JavaScript" : "no JavaScript"})`, async () => {
        const browser = await openBrowser({ lang, javaScriptEnabled });
        try {
          const { page } = browser;
          await page.goto("/signin");
          await page.locator('input[name="login"]').evaluate((input: HTMLInputElement) => {
            input.removeAttribute("maxlength");
            input.value = "x".repeat(1_100_000);
          });
          await page.locator('input[name="password"]').fill("anything");
          await page.locator('form button[type="submit"]').click();
          await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(tooLarge);
          expect(await page.locator("main").textContent()).toContain("1 MB");
          await shoot(page, `limit-too-large-${lang}-${javaScriptEnabled ? "js" : "nojs"}`);
        } finally {
          await browser.close();
        }
      });
    }

    it(`a widget out of budget says to wait, in the reader's language (${lang})`, async () => {
      // this browser's requests arrive "through the proxy" from their own address (TRUST_PROXY=1),
      // so spending that address's budget leaves the other tests' budget alone
      const address = lang === "en" ? "198.18.20.1" : "198.18.20.2";
      // (20 pieces cost 21 units each: the cheapest way to spend the 3,000)
      for (let spent = 0; spent < 3_000; spent += 21) {
        await fetch(`${baseUrl()}/api/next-token`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": address },
          body: JSON.stringify({ context: "A", mode: "top", count: 20 }),
        }).then((r) => r.body?.cancel());
      }
      const browser = await openBrowser({ lang });
      try {
        const { page, context } = browser;
        await context.setExtraHTTPHeaders({ "x-forwarded-for": address });
        await page.goto("/learn/tokens?step=measure");
        const box = page.locator(".tokenizer-widget textarea").first();
        await box.fill("Tokens are pieces of text, 词元是文本的片段。");
        const alert = page.locator(".tokenizer-widget [role=alert]").first();
        await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(wait);
        await alert.scrollIntoViewIfNeeded();
        await shoot(page, `limit-widget-busy-${lang}`);
      } finally {
        await browser.close();
      }
    });
  }
});
