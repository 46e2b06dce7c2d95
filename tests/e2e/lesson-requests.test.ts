/**
 * What a student's clicks cost the server. A lesson's text is an asset fetched once per lesson
 * (with the preload the page names, not a second time); moving between its steps then sends only
 * the learner's own state. The root's data (user, language, catalog) comes in a
 * request of its own (the root has a client loader), and the lesson's and the playground's forms
 * never change it: pressing Next sends the form and then one request for the next step's data —
 * not a second one for the root's. Signing out still refreshes the root (the header changes).
 */
import { afterAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/catalog/en";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS } from "./setup/context";
import { compiledLesson } from "./setup/lesson-driver";

const opened: OpenBrowser[] = [];
afterAll(async () => {
  for (const b of opened) await b.close();
  await closeTestSql();
});

interface Sent {
  method: string;
  path: string;
  routes: string | null;
}

describe("requests a student's clicks send", () => {
  it("the lesson's text: fetched once per lesson, then each step is only the learner's state", async () => {
    const browser = await openBrowser({ as: DEMO_STUDENTS[4]! });
    opened.push(browser);
    const page = browser.page;
    const lesson = compiledLesson();
    const steps = lesson.content.en!.steps;
    // what reached the network: a later preload of an asset already fetched is the browser's cache's
    const assets: string[] = [];
    // the size of each data request of one step move (decoded bytes, as CDP receives them)
    let measuring = false;
    const dataBytes = new Map<string, number>();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    cdp.on("Network.responseReceived", ({ requestId, response }) => {
      const path = new URL(response.url).pathname;
      if (path.startsWith("/lesson-content/") && !response.fromDiskCache && !response.fromPrefetchCache) assets.push(path);
      if (measuring && path.endsWith(".data")) dataBytes.set(requestId, 0);
    });
    cdp.on("Network.dataReceived", ({ requestId, dataLength }) => {
      if (dataBytes.has(requestId)) dataBytes.set(requestId, dataBytes.get(requestId)! + dataLength);
    });
    await page.goto(`/learn/${lesson.slug}?step=${steps[0]!.id}`);
    await page.waitForFunction(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
    await page.waitForLoadState("networkidle");
    expect(assets).toEqual([expect.stringMatching(new RegExp(`^/lesson-content/${lesson.slug}\\.en\\.[\\w-]{12}\\.json$`))]);

    // the page's links are plain links kept inside the app: a mark on the window survives them
    await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
    const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

    // another step of the same lesson, from the step list: its text comes from the asset held
    measuring = true;
    await page.getByRole("navigation", { name: en["learn.steps.title"] }).getByRole("link", { name: steps[2]!.title }).click();
    await expect.poll(() => page.locator("#step-title").innerText()).toBe(steps[2]!.title);
    expect(await stayed()).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(assets).toHaveLength(1);
    measuring = false;
    const sizes = [...dataBytes.values()];
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThan(4_000);
    expect(browser.problems).toEqual([]);
    await screenshot(page, "lesson-requests", "step-from-asset");
    await page.getByRole("link", { name: en["learn.nav.previous"] }).click();
    await expect.poll(() => page.locator("#step-title").innerText()).toBe(steps[1]!.title);
    expect(await stayed()).toBe(true);

    // another lesson, reached without a page load: its own text is fetched before it shows
    await page.getByRole("link", { name: en["learn.home.titleSignedIn"] }).click();
    await page.waitForURL((url) => url.pathname === "/learn");
    expect(await stayed()).toBe(true);
    // Another suite may have left this student anywhere in that lesson: the bare link resumes at
    // a step, the quiz or the finish screen (found in CI, where the suites ran in another order),
    // and each of them waits for the lesson's text, so any of their titles shows it arrived.
    const other = await page.locator(`a[href^="/learn/"]:not([href^="/learn/${lesson.slug}"]):not([href*="view="])`).first().getAttribute("href");
    await page.locator(`a[href="${other}"]`).first().click();
    await page.waitForURL((url) => url.pathname === other!.split("?")[0]);
    await expect.poll(() => page.locator("h2.view-title").count()).toBe(1);
    expect(assets).toHaveLength(2);
    expect(assets[1]).toMatch(new RegExp(`^/lesson-content/${other!.split("?")[0]!.replace("/learn/", "")}\\.en\\.`));
    expect(browser.problems).toEqual([]);
  });

  it("Next on a step: the form, then one data request for the next step — the root is not fetched again", async () => {
    const browser = await openBrowser({ as: DEMO_STUDENTS[3]! });
    opened.push(browser);
    const page = browser.page;
    const lesson = compiledLesson();
    await page.goto(`/learn/${lesson.slug}?step=${lesson.content.en!.steps[1]!.id}`);
    await page.waitForFunction(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
    await page.waitForLoadState("networkidle");

    const sent: Sent[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith(".data")) sent.push({ method: r.method(), path: url.pathname, routes: url.searchParams.get("_routes") });
    });
    const before = page.url();
    await page.getByRole("button", { name: new RegExp(`^${en["learn.nav.next"]}`) }).click();
    await page.waitForURL((url) => url.href !== before);
    await page.waitForLoadState("networkidle");

    expect(sent.filter((s) => s.method === "POST")).toHaveLength(1);
    const loads = sent.filter((s) => s.method === "GET");
    expect(loads).toHaveLength(1);
    expect(loads[0]!.routes).not.toContain("root");
    // the page moved on, with its header (from the root's data) still in place
    await expect.poll(() => page.locator("h2, h1").first().innerText()).not.toBe("");
    expect(await page.getByRole("button", { name: en["nav.signOut"] }).count()).toBe(1);
    expect(browser.problems).toEqual([]);
    await screenshot(page, "lesson-requests", "after-next");

    // signing out is a form that changes the root's data: the root is fetched again
    sent.length = 0;
    await page.getByRole("button", { name: en["nav.signOut"] }).click();
    await expect.poll(() => page.getByRole("button", { name: en["nav.signOut"] }).count()).toBe(0);
  });
});
