/**
 * What a student's clicks cost the server. The root's data (user, language, catalog) comes in a
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
