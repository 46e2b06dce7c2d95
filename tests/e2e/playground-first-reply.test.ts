/**
 * A new conversation's first reply can end before the browser would have loaded that
 * conversation's page (a fast model, a slow school network). The chat opens the page once, when
 * the reply is stored: navigating there as the stream started, then again (or asking for fresh
 * data) when it ended, aborted the page's data request mid-body, which Chromium reports as an
 * uncaught "BodyStreamBuffer was aborted". Here the page's data is held back on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, fakeAnthropic, makeStudent, testSql } from "./setup/context";

const REPLY = "The first reply of a new conversation.";
let browser: OpenBrowser;
let username: string;

beforeAll(async () => {
  username = (await makeStudent(await demoClassId(), "First Reply")).username;
  browser = await openBrowser({ as: username });
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("the first reply of a new conversation", () => {
  it("opens the conversation's page once, with the stored reply", async () => {
    const { page } = browser;
    await fakeAnthropic.reset();
    await fakeAnthropic.script({ kind: "reply", text: REPLY });
    await page.goto("/playground");
    const claude = await page.locator("#pg-model option").evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith("claude")),
    );
    if (claude) await page.selectOption("#pg-model", claude);

    // Hold the conversation page's data back until the whole reply has streamed.
    const dataRequests: string[] = [];
    await page.route(/\/playground\.data\?/, async (route) => {
      dataRequests.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue().catch(() => undefined); // an aborted request can no longer continue
    });

    await page.fill("#pg-prompt", "Hello, is this a new conversation?");
    await page.locator("#pg-prompt").press("Control+Enter");
    await page.waitForURL(/\/playground\?c=/);
    await expect.poll(() => page.locator(".pg-messages").innerText(), { timeout: 10_000 }).toContain(REPLY);

    // Both messages are stored and shown once each (the streamed copy gives way to the stored one).
    const [row] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from playground_messages m
      join playground_conversations c on c.id = m.conversation_id
      join users u on u.id = c.user_id where u.username = ${username}`;
    expect(row!.n).toBe(2);
    await expect.poll(() => page.locator(".pg-message").count(), { timeout: 5_000 }).toBe(2);
    // One request for the page's data: nothing navigates again, or asks again, while it arrives.
    // (Chromium's own "failed" event is no witness here: with requests intercepted it reports a
    // data request whose body Remix stopped reading once it had what it needed.)
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(dataRequests).toHaveLength(1);

    expect(browser.problems).toEqual([]);
  });
});
