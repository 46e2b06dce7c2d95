/**
 * The charts in Windows' high-contrast mode (forced colors): the browser swaps every colour for
 * the few system ones and drops background gradients, which once left the next-token bars and the
 * context-window timeline as empty outlines. Each bar must still be drawn, and the legend's solid
 * bar must still look different from its striped one. Screenshots: test-results/screenshots/forced-colors/.
 */
import type { Locator, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql } from "./setup/context";

let browser: OpenBrowser;

beforeAll(async () => {
  browser = await openBrowser({ lang: "en" });
  await browser.page.emulateMedia({ forcedColors: "active" });
});

afterAll(async () => {
  await browser.close();
  await closeTestSql();
});

type Rgb = readonly [number, number, number];

function pixels(png: Buffer): Rgb[] {
  const image = PNG.sync.read(png);
  const out: Rgb[] = [];
  for (let i = 0; i < image.data.length; i += 4) out.push([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!]);
  return out;
}

const far = (a: Rgb, b: Rgb) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 96;

/** The page's background in the forced palette (Canvas): the commonest colour of the widget. */
async function canvasColour(page: Page): Promise<Rgb> {
  const counts = new Map<string, number>();
  for (const p of pixels(await page.locator(".widget").first().screenshot())) counts.set(p.join(), (counts.get(p.join()) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top![0].split(",").map(Number) as unknown as Rgb;
}

/**
 * How much of a bar's box is drawn in something other than the background (1: solid; about a half:
 * striped; 0: gone). `from` skips the bar's left part, where another bar lies on top of it.
 */
async function inkShare(page: Page, bar: Locator, canvas: Rgb, from?: Locator): Promise<number> {
  const box = (await bar.boundingBox())!;
  const left = from ? (await from.boundingBox())!.x + (await from.boundingBox())!.width + 2 : box.x;
  // inside the bar's edges: the share of its fill, not of its outline
  const clip = { x: left + 1, y: box.y + 2, width: box.x + box.width - left - 2, height: box.height - 4 };
  const seen = pixels(await page.screenshot({ clip }));
  return seen.filter((p) => far(p, canvas)).length / seen.length;
}

/** The solid bar is filled, the striped one about half (stripes), the page's Canvas around both. */
async function expectSolidAndStriped(page: Page, solid: Locator, striped: Locator, stripedFrom?: Locator) {
  const canvas = await canvasColour(page);
  expect(await inkShare(page, solid, canvas)).toBeGreaterThan(0.9);
  const stripes = await inkShare(page, striped, canvas, stripedFrom);
  expect(stripes).toBeGreaterThan(0.25);
  expect(stripes).toBeLessThan(0.75);
}

describe("charts in forced-colors mode", () => {
  it("draws the next-token bars, the probability solid and the chance at a temperature striped", async () => {
    const { page } = browser;
    await page.goto("/learn/tokens?step=temperature");
    await page.locator(".bars-table .bar-fill.chance").first().waitFor();
    await screenshot(page, "forced-colors", "temperature-bars");
    const row = page.locator(".bars-table tbody tr").first();
    await expectSolidAndStriped(page, row.locator(".bar-fill:not(.chance)"), row.locator(".bar-fill.chance"));
  });

  it("draws the context-window timeline, the standard window solid and the larger one striped", async () => {
    const { page } = browser;
    await page.goto("/learn/long-context?step=growth");
    await page.locator(".cw-bar.extra").first().waitFor();
    await screenshot(page, "forced-colors", "context-timeline");
    const row = page.locator(".cw-row", { has: page.locator(".cw-bar.extra") }).first();
    const standard = row.locator(".cw-bar:not(.extra)");
    // the larger window lies under the standard one: only its part past the standard bar shows
    await expectSolidAndStriped(page, standard, row.locator(".cw-bar.extra"), standard);
  });
});
