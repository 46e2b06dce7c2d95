/**
 * The teaching plan's and the guides' tables on a laptop (1280 px), in each language: a short
 * header keeps its word whole. The plan's first column holds the hour's number, and its header
 * 課時 broke as 課 / 時 (found walking the guides as a Hong Kong or Taiwanese teacher).
 */
import { afterAll, describe, expect, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER } from "./setup/context";

const browsers: OpenBrowser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

describe.each(["en", "zh-Hans", "zh-Hant"] as const)("guide tables in %s", (lang) => {
  it("break no header of up to four characters (課時) or one word over lines", async () => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER, viewport: { width: 1280, height: 800 } });
    browsers.push(browser);
    const { page } = browser;
    const broken: string[] = [];
    for (const path of ["/teach/guide", "/teach/guide/tokens"]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      const found = await page.locator("main th").evaluateAll((cells) =>
        cells
          .map((th) => {
            const text = th.textContent?.trim() ?? "";
            const range = document.createRange();
            range.selectNodeContents(th);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            return { text, lines };
          })
          .filter(({ text, lines }) => (/^\p{Script=Han}{1,4}$/u.test(text) || /^[\p{L}\p{N}]+$/u.test(text)) && lines > 1)
          .map(({ text, lines }) => `${text} (${lines} lines)`),
      );
      broken.push(...found.map((f) => `${path}: ${f}`));
    }
    expect(broken).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
