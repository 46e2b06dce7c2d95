/**
 * A reply's Markdown renderer (~54 KB gzipped) is a chunk of its own, off the playground's first
 * load (app/components/playground/reply-text.tsx), in Chromium against the real server:
 * - an empty playground hydrates without it, and heading for the prompt box fetches it;
 * - a reply streamed in is formatted (bold, a table);
 * - a page that opens with formatted replies hydrates while the chunk is held back, and when it
 *   arrives the replies the server wrote are kept as they are: the same nodes, no mismatch.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, fakeAnthropic, makeStudent } from "./setup/context";

const REPLY = "Here is **the bold part**, and a table:\n\n| token | chance |\n| --- | --- |\n| cat | 0.6 |\n| dog | 0.3 |\n";
const isRendererChunk = (url: string) => /\/build\/_shared\/reply-markdown-[\w-]+\.js$/.test(new URL(url).pathname);
const hydrated = () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined;
let browser: OpenBrowser;

beforeAll(async () => {
  const student = await makeStudent(await demoClassId(), "Markdown Chunk");
  browser = await openBrowser({ as: student.username });
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

describe("the reply renderer's own chunk", () => {
  let conversationUrl = "";

  it("is not fetched by an empty playground; focusing the prompt fetches it, and a streamed reply is formatted", async () => {
    const { page } = browser;
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (isRendererChunk(request.url())) fetched.push(request.url());
    });
    await page.goto("/playground");
    await page.waitForFunction(hydrated);
    await page.waitForLoadState("networkidle");
    expect(fetched).toEqual([]);

    await page.focus("#pg-prompt");
    await expect.poll(() => fetched.length).toBe(1);

    await fakeAnthropic.reset();
    await fakeAnthropic.script({ kind: "reply", text: REPLY });
    const claude = await page.locator("#pg-model option").evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith("claude")),
    );
    expect(claude).toBeTruthy();
    await page.selectOption("#pg-model", claude!);
    await page.fill("#pg-prompt", "Show me a table of next tokens");
    await page.locator("#pg-prompt").press("Control+Enter");
    await page.waitForURL(/\/playground\?c=/);
    const reply = page.locator(".pg-message.from-model .md").last();
    await expect.poll(() => reply.locator("strong").textContent(), { timeout: 10_000 }).toBe("the bold part");
    expect(await reply.locator("table td").allTextContents()).toEqual(["cat", "0.6", "dog", "0.3"]);
    conversationUrl = page.url();
    await screenshot(page, "reply-markdown", "01-formatted-reply-en");
    expect(browser.problems).toEqual([]);
  });

  it("formats a streamed reply on a page in 简体中文 too", async () => {
    const student = await makeStudent(await demoClassId(), "王小明");
    const zh = await openBrowser({ lang: "zh-Hans", as: student.username });
    try {
      const { page } = zh;
      await fakeAnthropic.reset();
      await fakeAnthropic.script({ kind: "reply", text: "这是**加粗的部分**，还有一张表：\n\n| 词元 | 概率 |\n| --- | --- |\n| 猫 | 0.6 |\n| 狗 | 0.3 |\n" });
      await page.goto("/playground");
      await page.waitForFunction(hydrated);
      const claude = await page.locator("#pg-model option").evaluateAll((options) =>
        options.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith("claude")),
      );
      await page.selectOption("#pg-model", claude!);
      await page.fill("#pg-prompt", "给我一张下一个词元的表");
      await page.locator("#pg-prompt").press("Control+Enter");
      await page.waitForURL(/\/playground\?c=/);
      const reply = page.locator(".pg-message.from-model .md").last();
      await expect.poll(() => reply.locator("strong").textContent(), { timeout: 10_000 }).toBe("加粗的部分");
      expect(await reply.locator("table td").allTextContents()).toEqual(["猫", "0.6", "狗", "0.3"]);
      await screenshot(page, "reply-markdown", "02-formatted-reply-zh-Hans");
      expect(zh.problems).toEqual([]);
    } finally {
      await zh.close();
    }
  });

  it("is held back while a page with formatted replies hydrates; when it comes, the server's replies stay as they were", async () => {
    expect(conversationUrl).toMatch(/\?c=/);
    const page = await browser.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route((url) => isRendererChunk(url.href), async (route) => {
      asked += 1;
      await held;
      await route.continue();
    });
    await page.goto(conversationUrl);
    await page.waitForFunction(hydrated);
    // the server wrote the reply formatted, and the rest of the page works without the chunk
    const reply = page.locator(".pg-message.from-model .md").last();
    expect(await reply.locator("strong").textContent()).toBe("the bold part");
    await expect.poll(() => asked).toBe(1);
    await page.fill("#pg-prompt", "typed while the renderer is on its way");
    expect(await page.inputValue("#pg-prompt")).toBe("typed while the renderer is on its way");
    // mark the nodes the server wrote (a property, not an attribute React would compare)
    await reply.evaluate((el) => ((el as unknown as { fromServer: boolean }).fromServer = true));

    const loaded = page.waitForResponse((response) => isRendererChunk(response.url()));
    release();
    await loaded;
    await page.waitForLoadState("networkidle");
    expect(await reply.evaluate((el) => (el as unknown as { fromServer?: boolean }).fromServer)).toBe(true);
    expect(await reply.locator("table td").allTextContents()).toEqual(["cat", "0.6", "dog", "0.3"]);
    await page.close();
    expect(browser.problems).toEqual([]);
  });
});
