/**
 * The widgets a step asks students to use, tried with JavaScript off (found in a 13-year-old's
 * walk: the tokenizer showed one fixed example, so the "measure" step's table could not be done,
 * and next-token could not be tried at all). The fallback's form posts the text to the lesson,
 * which answers with the page and what the widget shows — the same numbers as the widget's API,
 * and the same pointer to help when the text reads as a crisis. The needle experiment's form
 * posts the student's choice of depth, length and window the same way.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_STUDENTS, testSql } from "./setup/context";

const browsers: OpenBrowser[] = [];
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

async function tryIt(b: OpenBrowser, url: string, text: string) {
  await b.page.goto(url);
  const form = b.page.locator("form.widget-try").first();
  await form.locator("textarea").fill(text);
  // the page the post answers (not the one it was sent from, which may show an earlier try)
  await Promise.all([b.page.waitForResponse((r) => r.request().method() === "POST"), form.locator("button[type=submit]").click()]);
  await b.page.waitForLoadState("load");
  const tried = b.page.getByTestId("widget-tried").first();
  await tried.waitFor();
  return tried;
}

describe("widgets without JavaScript", () => {
  it("the tokenizer cuts the student's own text, in their language, signed in or not", async () => {
    for (const [lang, as] of [["en", undefined], ["zh-Hans", DEMO_STUDENTS[3]]] as const) {
      const b = await openBrowser({ lang, as, javaScriptEnabled: false });
      browsers.push(b);
      const tried = await tryIt(b, "/learn/tokens?step=measure", "Tokenization is fun. 分词很有趣。");
      expect(await tried.innerText()).toContain("Tokenization is fun. 分词很有趣。");
      expect(await tried.locator(".token").count()).toBeGreaterThan(5);
      expect(await b.page.locator("form.widget-try textarea").first().inputValue()).toBe("Tokenization is fun. 分词很有趣。");
      expect(await tried.getByTestId("widget-support").count()).toBe(0);
      // a crisis typed in to see its tokens gets the pointer to help, in the student's language
      const crisis = await tryIt(b, "/learn/tokens?step=measure", lang === "en" ? "i want to kill myself" : "我不想活了");
      expect(await crisis.getByTestId("widget-support").innerText()).toContain(translator(lang)("widget.support.talk"));
      expect(b.problems).toEqual([]);
    }
  });

  it("next-token shows the mini model's guesses after the student's text, and help after a crisis", async () => {
    const b = await openBrowser({ lang: "en", javaScriptEnabled: false });
    browsers.push(b);
    const tried = await tryIt(b, "/learn/what-is-an-llm?step=guess", "After school, I like to play");
    expect(await tried.locator(".bars-table tbody tr").count()).toBeGreaterThan(3);
    expect(await tried.getByTestId("widget-support").count()).toBe(0);
    const crisis = await tryIt(b, "/learn/what-is-an-llm?step=guess", "i want to kill myself");
    expect(await crisis.getByTestId("widget-support").innerText()).toContain(translator("en")("widget.support.talk"));
    expect(b.problems).toEqual([]);
  });

  it("the needle experiment runs the student's choice: the needle outside a 2-token window, inside a 256-token one", async () => {
    for (const lang of ["en", "zh-Hans"] as const) {
      const t = translator(lang);
      const b = await openBrowser({ lang, javaScriptEnabled: false });
      browsers.push(b);
      const run = async (depth: string, window: string) => {
        const form = b.page.locator("form.widget-try").first();
        await form.locator("select[name=depth]").selectOption(depth);
        await form.locator("input[name=sentences][value='24']").check();
        await form.locator(`input[name=window][value='${window}']`).check();
        await Promise.all([b.page.waitForResponse((r) => r.request().method() === "POST"), form.locator("button[type=submit]").click()]);
        await b.page.waitForLoadState("load");
        const tried = b.page.getByTestId("widget-tried");
        await tried.waitFor();
        // the page answers with the choice still made, so the next try starts from it
        expect(await form.locator("select[name=depth]").inputValue()).toBe(depth);
        expect(await form.locator("input[name=sentences]:checked").getAttribute("value")).toBe("24");
        expect(await form.locator("input[name=window]:checked").getAttribute("value")).toBe(window);
        return tried;
      };
      await b.page.goto("/learn/long-context?step=needle");
      const far = await run("0", "2");
      expect(await far.locator(".needle-result").innerText()).toContain(t("widget.needle.outside"));
      expect(await far.locator(".haystack .needle-mark").count()).toBe(1);
      expect(await far.locator(".needle-answer").innerText()).toContain(t("widget.needle.answered"));
      const near = await run("100", "256");
      expect(await near.locator(".needle-result").innerText()).toContain(t("widget.needle.inside"));
      expect(await near.locator(".haystack .in-window .needle-mark").count()).toBe(1);
      expect(b.problems).toEqual([]);
    }
  });

  it("the preference lab takes a choice: saved for a student, as the widget saves it; shown to a visitor, kept nowhere", async () => {
    const url = "/learn/learning-from-feedback?step=be-the-labeller";
    const en = translator("en");
    const chosen = async (b: OpenBrowser) => {
      await b.page.goto(url);
      const pair = b.page.locator("form.pref-choose").first();
      await Promise.all([b.page.waitForResponse((r) => r.request().method() === "POST"), pair.getByRole("button", { name: en("widget.pref.chooseB") }).click()]);
      const tried = b.page.getByTestId("widget-tried").first();
      await tried.waitFor();
      return tried.innerText();
    };
    const student = DEMO_STUDENTS[5]!;
    const b = await openBrowser({ lang: "en", as: student, javaScriptEnabled: false });
    browsers.push(b);
    expect(await b.page.goto(url).then(() => b.page.locator(".widget-fallback").first().innerText())).toContain(en("widget.pref.privacyStudent"));
    const text = await chosen(b);
    expect(text).toContain(en("widget.pref.yourChoiceIs", { answer: en("widget.pref.answerB") }));
    expect(text).toMatch(new RegExp(`${en("widget.pref.agree")}|${en("widget.pref.disagree")}`));
    const [saved] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from activity_log a join users u on u.id = a.actor_id
       where u.username = ${student} and a.verb = 'preferred' and a.result->>'choice' = 'b'`;
    expect(saved!.n).toBeGreaterThan(0);
    const visitor = await openBrowser({ lang: "en", javaScriptEnabled: false });
    browsers.push(visitor);
    expect(await chosen(visitor)).toContain(en("widget.pref.classVisitor"));
    expect(b.problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });
});
