/**
 * The playground's first message, as a student sends it (found in a 13-year-old's walk):
 * - with the keyboard, focus stays in the prompt box when the page opens the new conversation
 *   (the box used to be rebuilt: focus fell to the page's start, and a follow-up typed meanwhile
 *   went nowhere);
 * - on a phone, where the composer fills the screen, the answer is brought into view (it streamed
 *   in above the screen while the student looked at an empty box).
 */
import { afterAll, describe, expect, it } from "vitest";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS, fakeAnthropic, makeStudent, demoClassId } from "./setup/context";

const browsers: OpenBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

async function chooseClaude(b: OpenBrowser) {
  const select = b.page.locator("#pg-model");
  const claude = await select.locator("option").evaluateAll((options) => (options as HTMLOptionElement[]).map((o) => o.value).find((v) => v.startsWith("claude")));
  if (claude) await select.selectOption(claude);
}

describe("the playground's first message", () => {
  it("keeps the keyboard in the prompt box when the new conversation opens", async () => {
    const student = await makeStudent(await demoClassId(), "Focus Kid");
    const b = await openBrowser({ as: student.username });
    browsers.push(b);
    await fakeAnthropic.reset();
    await fakeAnthropic.script({ kind: "reply", text: "A first reply." });
    await b.page.goto("/playground");
    await chooseClaude(b);
    await b.page.locator("#pg-prompt").focus();
    await b.page.keyboard.type("hello there");
    await b.page.keyboard.press("Control+Enter");
    await b.page.waitForURL(/\/playground\?c=/);
    await expect.poll(() => b.page.locator(".pg-messages").innerText()).toContain("A first reply.");
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe("pg-prompt");
    await b.page.keyboard.type("and a follow-up");
    expect(await b.page.inputValue("#pg-prompt")).toBe("and a follow-up");
    // "New chat" is a fresh box: what was typed for the conversation just left stays behind
    // (found in a review: the kept box carried it into the new chat)
    await b.page.getByRole("link", { name: /new chat/i }).click();
    await b.page.waitForURL(/\/playground$/);
    await expect.poll(() => b.page.inputValue("#pg-prompt")).toBe("");
    expect(b.problems).toEqual([]);
  });

  // Found in an accessibility walk: Send, pressed from the keyboard, was disabled while the reply
  // streamed, and a disabled button drops the focus to the page itself — a screen reader said
  // "document", and the next Tab went to the model picker.
  it("Send pressed from the keyboard keeps the focus, and cannot send twice while the reply streams", async () => {
    const student = await makeStudent(await demoClassId(), "Send Button Kid");
    const b = await openBrowser({ as: student.username });
    browsers.push(b);
    await fakeAnthropic.reset();
    await fakeAnthropic.script(
      { kind: "reply", chunks: Array.from({ length: 10 }, (_, i) => `part${i} `), tokenDelayMs: 60 },
      { kind: "reply", text: "The second reply." },
    );
    await b.page.goto("/playground");
    await chooseClaude(b);
    await b.page.locator("#pg-prompt").fill("what is a token?");
    const send = b.page.getByRole("button", { name: /^send$/i });
    await send.focus();
    await b.page.keyboard.press("Enter");
    await expect.poll(() => b.page.locator(".pg-messages").innerText()).toContain("part1");
    // while it streams: still on Send, shown as unavailable, and a second press sends nothing
    expect(await b.page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^send$/i);
    expect(await send.getAttribute("aria-disabled")).toBe("true");
    await b.page.keyboard.press("Enter");
    await b.page.waitForURL(/\/playground\?c=/);
    await expect.poll(() => b.page.locator(".pg-messages").innerText()).toContain("part9");
    await expect.poll(() => send.getAttribute("aria-disabled")).toBe(null);
    expect(await b.page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^send$/i);
    expect((await fakeAnthropic.requests()).requests.filter((r) => r.path === "/v1/messages")).toHaveLength(1);
    // the next message the same way: back to the box, type, Tab to Send, Enter
    await b.page.keyboard.press("Shift+Tab");
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe("pg-prompt");
    await b.page.keyboard.type("and another?");
    await b.page.keyboard.press("Tab");
    await b.page.keyboard.press("Enter");
    await expect.poll(() => b.page.locator(".pg-messages").innerText()).toContain("The second reply.");
    expect(await b.page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^send$/i);
    expect(b.problems).toEqual([]);
  });

  it("on a phone, brings the answer into view", async () => {
    const b = await openBrowser({ as: DEMO_STUDENTS[4], viewport: { width: 375, height: 667 } });
    browsers.push(b);
    await fakeAnthropic.reset();
    await fakeAnthropic.script({ kind: "reply", chunks: Array.from({ length: 30 }, (_, i) => `word${i} `), tokenDelayMs: 40 });
    await b.page.goto("/playground");
    await chooseClaude(b);
    await b.page.locator("#pg-prompt").fill("tell me something");
    await b.page.getByRole("button", { name: /^send$/i }).tap().catch(() => b.page.getByRole("button", { name: /^send$/i }).click());
    // while the answer streams, its bubble is on the screen
    await expect.poll(() => b.page.locator(".pg-messages").innerText()).toContain("word1");
    const top = await b.page.locator(".pg-messages > li").last().evaluate((li) => li.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(667);
    expect(b.problems).toEqual([]);
  });
});
