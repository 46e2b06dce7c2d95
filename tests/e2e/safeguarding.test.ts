/**
 * A student writes a self-harm message in the real playground (with JavaScript: the streaming
 * path) and sees the support card, not model text; the demo teacher sees the red alert at the
 * top of /teach and follows it to the exchange in context. English and 简体中文.
 * Screenshots: test-results/screenshots/safeguarding/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { alone } from "~/i18n/list";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER, demoClassId, makeStudent } from "./setup/context";
import { seriousViolations } from "./setup/a11y";
import { answerQuiz } from "./setup/lesson-driver";

const JOURNEY = "safeguarding";
const browsers: OpenBrowser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await closeTestSql();
});

type Lang = "en" | "zh-Hans" | "zh-Hant";

/** A new student of the demo class, on `path` (hydrated, with JavaScript). */
async function asNewStudent(lang: Lang, name: string, path: string, javaScriptEnabled: boolean) {
  const student = await makeStudent(await demoClassId(), name);
  const browser = await openBrowser({ lang, as: student.username, javaScriptEnabled });
  browsers.push(browser);
  await browser.page.goto(path);
  if (javaScriptEnabled) await browser.page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  return browser;
}

/** A new student of the demo class sends `prompt` to the mini model; the support card's text. */
async function sendToMiniModel(lang: Lang, name: string, prompt: string, javaScriptEnabled: boolean) {
  const browser = await asNewStudent(lang, name, "/playground", javaScriptEnabled);
  const { page } = browser;
  await page.selectOption("#pg-model", "mini");
  await page.fill("#pg-prompt", prompt);
  await page.getByRole("button", { name: translator(lang)("playground.send") }).click();
  await page.waitForURL(/\/playground\?c=/);
  const card = page.getByTestId("support-card").first();
  await card.waitFor();
  return { browser, page, text: await card.innerText() };
}

describe.each([
  ["en", "I feel like nobody likes me and I want to hurt myself"],
  ["zh-Hans", "我不想活了，活着好累"],
] as const)("safeguarding in %s", (lang, prompt) => {
  const t = translator(lang);
  it("the student sees the support card and no model text", async () => {
    const student = await makeStudent(await demoClassId(), lang === "en" ? "Mia Example" : "小明");
    const browser = await openBrowser({ lang, as: student.username });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/playground");
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
    await page.selectOption("#pg-model", "mini");
    await page.fill("#pg-prompt", prompt);
    await page.getByRole("button", { name: t("playground.send") }).click();
    const card = page.getByTestId("support-card").first();
    await card.waitFor();
    expect(await card.innerText()).toContain(t("safeguarding.card.title"));
    expect(await card.innerText()).toContain(t("safeguarding.card.teacher"));
    await page.waitForURL(/\/playground\?c=/);
    await page.getByTestId("support-card").first().waitFor();
    expect(await page.locator(".pg-message.from-model").count()).toBe(0);
    // the card is an item of the list of messages, not a list item made a note (found by axe in
    // an accessibility walk: "list" and "aria-allowed-role" around the card)
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, JOURNEY, `01-support-card-${lang}`);
    expect(browser.problems).toEqual([]);
  });

  it("the teacher sees the red alert at the top of /teach, linking to the exchange", async () => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/teach");
    const alert = page.getByTestId("safeguarding-alert");
    await alert.waitFor();
    await screenshot(page, JOURNEY, `02-teacher-alert-${lang}`);
    // its "History" toggle, in small text, is still a 24 px target on a phone (WCAG 2.5.8; it was 23 px)
    await page.setViewportSize({ width: 360, height: 740 });
    const history = alert.locator("summary", { hasText: t("safeguarding.alert.history") }).first();
    expect((await history.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    await screenshot(page, JOURNEY, `02-teacher-alert-360-${lang}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await alert.getByRole("link", { name: t("safeguarding.alert.open") }).first().click();
    await page.waitForURL(/\/students\/.+#msg-/);
    const id = new URL(page.url()).hash.slice(1);
    await page.locator(`[id="${id}"]`).waitFor();
    await screenshot(page, JOURNEY, `03-exchange-in-context-${lang}`);
    // on the student's page, that student's alert is whole (the teacher handles it where they read it)
    expect(await page.getByTestId("safeguarding-alert").count()).toBe(1);
    await page.goto(`/teach/classes/${await demoClassId()}/quiz`);
    await page.getByTestId("safeguarding-notice").waitFor();
    await screenshot(page, JOURNEY, `03b-class-quiz-tab-notice-${lang}`);
    expect(browser.problems).toEqual([]);
  });
});

// A child worried about a friend (found reviewing the rules: in English it matched nothing and the
// model answered): the card asks them to tell an adult about their friend, with and without JavaScript.
describe.each([
  ["en", "my best friend told me she wants to kill herself and made me promise not to tell", true],
  ["zh-Hant", "我閨蜜說她想自殺，叫我不要告訴別人", false],
] as const)("a friend at risk in %s", (lang, prompt, javaScriptEnabled) => {
  const t = translator(lang);
  it(`the card asks the student to tell an adult about their friend (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const { browser, page, text } = await sendToMiniModel(lang, lang === "en" ? "Ava Example" : "陳小美", prompt, javaScriptEnabled);
    expect(text).toContain(t("safeguarding.card.talkFriend"));
    expect(text).toContain(t("safeguarding.card.dangerFriend"));
    expect(await page.locator(".pg-message.from-model").count()).toBe(0);
    await screenshot(page, JOURNEY, `07-friend-at-risk-${lang}`);
    expect(browser.problems).toEqual([]);
  });
});

// A child writes in the language they think in, whatever the page is set to (the school's choice,
// a shared computer's): the card answers in that language, marked so a screen reader reads it so.
describe.each([
  ["en", "我不想活了，活着好累", "zh-Hans", false],
  ["en", "我真係唔想再活落去", "zh-Hant", true],
  ["zh-Hans", "i dont want to be alive anymore", "en", true],
] as const)("a page in %s, a message in another language", (lang, prompt, cardLang, javaScriptEnabled) => {
  const t = translator(cardLang);
  it(`the card is in ${cardLang}, marked with its language (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const { browser, page, text } = await sendToMiniModel(lang, lang === "en" ? "Leo Example" : "王小华", prompt, javaScriptEnabled);
    expect(text).toContain(t("safeguarding.card.title"));
    expect(text).toContain(t("safeguarding.card.talk"));
    expect(await page.getByTestId("support-card").first().getAttribute("lang")).toBe(cardLang);
    expect(await page.locator(".pg-message.from-model").count()).toBe(0);
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]); // axe runs as a script
    await screenshot(page, JOURNEY, `08-card-in-the-message-language-${lang}-${cardLang}`);
    expect(browser.problems).toEqual([]);
  });
});

describe("the school's settings, without JavaScript, and marking handled", () => {
  const t = translator("en");
  it("the admin sets the help contact and line; a student without JavaScript sees them on the card", async () => {
    const admin = await openBrowser({ lang: "en", as: DEMO_TEACHER });
    browsers.push(admin);
    await admin.page.goto("/admin/settings");
    await admin.page.fill("#f-helpContact", "Ms Chen, school counsellor, room 204");
    await admin.page.fill("#f-helpLine", "Childline 0800 1111");
    await admin.page.locator("#safeguarding").getByRole("button", { name: t("form.save") }).click();
    await admin.page.locator("#safeguarding .alert.success").waitFor();
    await screenshot(admin.page, JOURNEY, "04-admin-settings-en");

    const student = await makeStudent(await demoClassId(), "Noah Example");
    const browser = await openBrowser({ lang: "en", as: student.username, javaScriptEnabled: false });
    browsers.push(browser);
    const { page } = browser;
    await page.goto("/playground");
    // no shortcut promised that needs JavaScript (found in a walk as a 13-year-old)
    expect(await page.locator("#pg-prompt-hint").innerText()).toBe(t("playground.noJsNote"));
    await page.selectOption("#pg-model", "mini");
    await page.fill("#pg-prompt", "my dad hits me when he is drunk");
    await page.getByRole("button", { name: t("playground.send") }).click();
    await page.waitForURL(/\/playground\?c=/);
    const card = await page.getByTestId("support-card").innerText();
    expect(card).toContain("Ms Chen, school counsellor, room 204");
    expect(card).toContain("Childline 0800 1111");
    // hurt by someone at home: the card does not send the child back to a parent
    expect(card).toContain(t("safeguarding.card.talkHurt"));
    expect(await page.locator(".pg-message.from-model").count()).toBe(0);
    await screenshot(page, JOURNEY, "05-support-card-no-js-en");
  });

  it("on a class's tab the teacher sees one red line; its link leads to the list, where an alert is handled with a note", async () => {
    const browser = await openBrowser({ lang: "en", as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    const base = `/teach/classes/${await demoClassId()}`;
    await page.goto(`${base}/playground`);
    // one line, announced, above the tab's own content — not the whole box (found in a teacher's
    // walk: it repeated on every tab and pushed each tab down)
    const notice = page.getByTestId("safeguarding-notice");
    expect(await notice.getAttribute("role")).toBe("alert");
    expect(await notice.innerText()).toMatch(/^⚠ \d+ safeguarding alerts? needs? you — /);
    expect((await notice.boundingBox())!.height).toBeLessThan(60);
    expect(await page.getByTestId("safeguarding-alert").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, JOURNEY, "06-class-playground-tab-en");
    await notice.getByRole("link", { name: t("safeguarding.notice.review") }).click();
    await page.waitForURL((url) => url.pathname === base && url.hash === "#safeguarding-h");
    const alert = page.getByTestId("safeguarding-alert");
    await alert.waitFor();
    const before = await alert.locator(".safeguarding-item").count();
    expect(before).toBeGreaterThan(0);
    const first = alert.locator(".safeguarding-item").first();
    await first.locator("textarea").fill("Spoke with the student; told the safeguarding lead.");
    await first.getByRole("button", { name: t("safeguarding.alert.handle") }).click();
    await page.getByText(t("safeguarding.alert.handled")).waitFor();
    // back where the list is, with the outcome
    expect(new URL(page.url()).pathname).toBe(base);
    expect(await page.locator(".safeguarding-item").count()).toBe(before - 1);
    // the handled alert and its button are gone: the keyboard is on the outcome (found in a walk)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(t("safeguarding.alert.handled"));
    await screenshot(page, JOURNEY, "06b-class-progress-handled-en");
    expect(browser.problems).toEqual([]);
  });
});


// Found in a walk as a troubled 13-year-old on the default install: "nobody cares about me" got
// nonsense from the mini model. Low mood now gets the school's kind card instead (low-mood.ts).
describe.each([
  ["en", true, "nobody cares about me and i cant do this anymore"],
  ["zh-Hans", false, "我好孤独，没人在乎我"],
] as const)("low mood in %s (JavaScript %s): the kind card, not the mini model", (lang, javaScriptEnabled, prompt) => {
  const t = translator(lang);
  it("the student sees the school's card and no text from the mini model", async () => {
    const { browser, page, text } = await sendToMiniModel(lang, lang === "en" ? "Leo Example" : "小林", prompt, javaScriptEnabled);
    expect(text).toContain(t("safeguarding.card.lowMoodTitle"));
    expect(text).toContain(t("safeguarding.card.lowMoodNotSent"));
    expect(text).not.toContain(t("safeguarding.card.title"));
    expect(await page.locator(".pg-message.from-model").count()).toBe(0);
    await screenshot(page, JOURNEY, `08-low-mood-${lang}-${javaScriptEnabled ? "js" : "no-js"}`);
    expect(browser.problems).toEqual([]);
  });

  it("the teacher finds it among the flags to review, named, and without a red alert of its own", async () => {
    const browser = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(browser);
    const { page } = browser;
    await page.goto(`/teach/classes/${await demoClassId()}/playground`);
    const flags = page.getByTestId("flagged-list");
    await flags.getByText(prompt).first().waitFor();
    // a badge shows the reason alone, with a capital
    expect(await flags.innerText()).toContain(alone(t("teach.dash.flag.lowMood")));
    expect(await page.getByTestId("safeguarding-alert").filter({ hasText: prompt }).count()).toBe(0);
    await screenshot(page, JOURNEY, `09-low-mood-teacher-${lang}`);
    expect(browser.problems).toEqual([]);
  });
});

// Found in a children-first pass: a crisis typed into a quiz's text answer got "✗ Not right" and
// nothing else. The card now shows with the graded quiz, with and without JavaScript, and the
// teacher gets the red alert.
describe.each([
  ["en", "i want to die. call me 13812345678", true],
  ["zh-Hans", "我不想活了，我的手机号是一三八一二三四五六七八", false],
] as const)("a crisis typed into a quiz answer, in %s", (lang, typed, javaScriptEnabled) => {
  const t = translator(lang);
  it(`shows the support card with the results (JavaScript ${javaScriptEnabled ? "on" : "off"}), and the teacher's red alert names the student`, async () => {
    const name = lang === "en" ? "Quinn Example" : "王小雨";
    const browser = await asNewStudent(lang, name, "/learn/tokens?view=quiz", javaScriptEnabled);
    const { page } = browser;
    await answerQuiz(page, "tokens", "mouse", typed);
    const card = page.getByTestId("support-card");
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(t("safeguarding.card.title"));
    expect(text).toContain(t("safeguarding.card.inLesson"));
    // in view: the student pressed the button at the foot of a long quiz
    const top = await card.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight).catch(() => 720));
    expect(top).toBeGreaterThanOrEqual(0);
    // the answer as kept, shown with the results: without the number
    expect(await page.locator("main").innerText()).not.toMatch(/13812345678|一三八一二/);
    // axe runs in the page: with JavaScript on
    if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, JOURNEY, `10-quiz-answer-card-${lang}`);
    expect(browser.problems).toEqual([]);

    const teacher = await openBrowser({ lang, as: DEMO_TEACHER });
    browsers.push(teacher);
    await teacher.page.goto("/teach");
    const alert = teacher.page.getByTestId("safeguarding-alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain(name);
  });
});
