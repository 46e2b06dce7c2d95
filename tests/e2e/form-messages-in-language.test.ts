/**
 * A form filled wrongly is answered in the reader's language, never with the browser's own bubble
 * ("Please lengthen this text to 6 characters or more" showed in English on the 繁體 join form,
 * found in a 13-year-old's walk): the forms a student meets first leave checking to the server.
 */
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser } from "./setup/browser";
import { closeTestSql, demoClassId, testSql } from "./setup/context";

afterAll(closeTestSql);

describe("a form filled wrongly", () => {
  it.each(["zh-Hant", "zh-Hans", "en"] as const)("joining a class with a short password is answered in %s", async (lang) => {
    const t = translator(lang);
    const [cls] = await testSql()<{ join_code: string }[]>`select join_code from classes where id = ${await demoClassId()}`;
    const browser = await openBrowser({ lang });
    try {
      const page = browser.page;
      await page.goto(`/join/${cls!.join_code}`);
      await page.fill("#f-displayName", "小明");
      await page.fill("#f-username", `short-${crypto.randomBytes(3).toString("hex")}`);
      await page.fill("#f-password", "abc");
      await page.locator("form.card button[type=submit]").click();
      // the form was sent (the browser's bubble would have stopped it there), and answered in the reader's language
      await expect.poll(() => page.locator("main").innerText()).toContain(t("auth.password.tooShort"));
    } finally {
      await browser.close();
    }
  });
});
