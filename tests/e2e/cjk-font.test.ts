/**
 * Chinese screenshots show Chinese, not tofu: every Han character in the 简体 and 繁體 catalogs and
 * in the lessons is drawn by the test browser with a real glyph. A character no font covers is
 * drawn as the .notdef box — exactly the pixels of a codepoint no font has (U+FFFF) — so each
 * character's pixels are compared with that box.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { ROOT } from "../../scripts/harness/lantern-server";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function hanCharacters(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) for (const [ch] of fs.readFileSync(file, "utf8").matchAll(/\p{Script=Han}/gu)) found.add(ch);
  return [...found].sort();
}

const catalogs = path.join(ROOT, "app", "i18n", "catalog");
const sources = [
  ...["zh-Hans.ts", "zh-Hant.ts"].map((name) => path.join(catalogs, name)),
  ...filesUnder(path.join(catalogs, "zh-Hans")),
  ...filesUnder(path.join(ROOT, "lessons")).filter((file) => /\.(md|mdx|json|ya?ml)$/.test(file)),
];

let browser: OpenBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const lang of ["zh-Hans", "zh-Hant"] as const) {
  it(`draws every Han character of the catalogs and lessons with a real glyph (${lang})`, async () => {
    const characters = hanCharacters(sources);
    expect(characters.length).toBeGreaterThan(500);
    await browser.page.setContent(`<!doctype html><html lang="${lang}"><body></body></html>`);
    const tofu = await browser.page.evaluate((chars) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 40;
      const g = canvas.getContext("2d", { willReadFrequently: true })!;
      g.font = "32px sans-serif";
      g.textBaseline = "top";
      const pixels = (ch: string) => {
        g.clearRect(0, 0, 40, 40);
        g.fillText(ch, 2, 2);
        return g.getImageData(0, 0, 40, 40).data.join(",");
      };
      const notdef = pixels("\uFFFF");
      return chars.filter((ch) => pixels(ch) === notdef);
    }, characters);
    expect(tofu.join(""), "characters drawn as tofu").toBe("");
  });
}
