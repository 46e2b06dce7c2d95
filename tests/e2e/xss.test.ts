/**
 * Cross-site scripting: a corpus of payloads placed where users write text that others read —
 * display names, class names, playground prompts and (scripted) model replies, and query
 * strings — never executes in Chromium. Detected three ways: a `window.__xss` flag the payloads
 * set, a dialog handler, and elements carrying the payloads' `data-xss` attribute (HTML that was
 * injected rather than shown as text), plus any script the CSP had to block.
 */
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, signInAs, signInOncePerUser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER, fakeAnthropic, makeClassOf, makeStudent, makeTeacher, realParamValues, testSql, userByUsername } from "./setup/context";
import { hasRoute, pageUrls } from "./setup/routes";
import { XSS_PAYLOADS, XSS_TRAP_SCRIPT } from "./xss-payloads";

let browser: OpenBrowser;
const dialogs: string[] = [];
let xssClassId = "";
let payloadStudent = "";
let xssTeacher = "";
/** A payload-named student with no stored messages (the stored ones count against the rate limit). */
let livePayloadStudent = "";
const payloadClassIds: string[] = [];

/** The app's own bundle probing for eval (zod does): its own test reports it, not as XSS. */
const isOwnScriptReport = (violation: string) => /^script-src eval.* at https?:\/\/[^/]+\/build\//.test(violation);

/**
 * What the page shows of the payloads, one line per trace (none when clean), and apart from
 * them the CSP reports about the app's own scripts.
 */
async function tracesOn(page: Page, where: string): Promise<{ payloadTraces: string[]; ownScriptReports: string[] }> {
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: number }).__xss ?? 0,
    injected: Array.from(document.querySelectorAll("[data-xss]")).map((e) => e.outerHTML.slice(0, 80)),
    blocked: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  }));
  const payloadTraces = [
    ...(found.flag ? [`${where}: a payload ran (window.__xss)`] : []),
    ...dialogs.map((message) => `${where}: a payload opened a dialog (${message})`),
    ...found.injected.map((html) => `${where}: payload HTML became elements: ${html}`),
    ...found.blocked.filter((v) => !isOwnScriptReport(v)).map((v) => `${where}: an injected script was only stopped by the CSP: ${v}`),
  ];
  return { payloadTraces, ownScriptReports: found.blocked.filter(isOwnScriptReport).map((v) => `${where}: ${v}`) };
}

async function expectClean(page: Page, where: string) {
  expect((await tracesOn(page, where)).payloadTraces).toEqual([]);
}

/** Scripts the browser's page has asked for and not yet received (see scriptsHaveRun). */
const loadingScripts = new Set<Request>();

/**
 * Waits until the page's own scripts have run: React has taken over the document (hydrateRoot
 * marks it), no script the page asked for is still loading (lesson widgets are imported after
 * hydration), and the browser has delivered the CSP reports it queued meanwhile (one task).
 */
async function scriptsHaveRun(page: Page, where: string) {
  await page
    .waitForFunction(() => Object.keys(document).some((key) => key.startsWith("__reactContainer$")), null, { timeout: 5_000 })
    .catch(() => expect.fail(`${where}: the page was not hydrated within 5 s`));
  await expect.poll(() => loadingScripts.size, { message: `${where}: scripts still loading`, timeout: 5_000 }).toBe(0);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeAll(async () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const sql = testSql();
  // a teacher of its own, so the payload classes do not crowd the demo teacher's pages in other tests
  const teacher = await makeTeacher(XSS_PAYLOADS[2]!);
  xssTeacher = teacher.username;
  // one class per payload (class names), and one class whose students carry the payloads as names
  for (const payload of XSS_PAYLOADS) payloadClassIds.push(await makeClassOf(teacher, payload));
  xssClassId = payloadClassIds[0]!;
  const students = [];
  for (const payload of XSS_PAYLOADS) students.push(await makeStudent(xssClassId, payload));
  payloadStudent = students[1]!.username;
  livePayloadStudent = students[20]!.username;
  // stored playground exchanges: payloads as the student's prompts and as the model's replies
  for (const [i, student] of students.slice(0, 10).entries()) {
    const [conv] = await sql<{ id: string }[]>`
      insert into playground_conversations (user_id, class_id, title, model)
      values (${student.id}, ${xssClassId}, ${XSS_PAYLOADS[i]!}, 'claude-haiku-4-5') returning id`;
    for (const [j, payload] of XSS_PAYLOADS.entries()) {
      await sql`
        insert into playground_messages (conversation_id, user_id, role, text, status, flags, flag_status)
        values (${conv!.id}, ${student.id}, ${j % 2 ? "assistant" : "user"}, ${payload}, 'complete',
                ${j % 7 === 0 ? ["personal_data"] : []}, ${j % 7 === 0 ? "open" : "none"})`;
    }
  }
  browser = await openBrowser();
  await browser.context.addInitScript({ content: XSS_TRAP_SCRIPT });
  browser.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  browser.page.on("request", (request) => {
    if (request.resourceType() === "script") loadingScripts.add(request);
  });
  browser.page.on("requestfinished", (request) => loadingScripts.delete(request));
  browser.page.on("requestfailed", (request) => loadingScripts.delete(request));
});

afterAll(async () => {
  await browser?.close();
  await closeTestSql();
});

interface EveryPageVisited {
  payloadTraces: string[];
  ownScriptReports: string[];
  /** Teacher pages whose HTML holds the payloads (escaped): the test is not passing vacuously. */
  teacherPagesShowingPayloads: number;
}

/**
 * Every page of the manifest, once, as whoever it is for: the teacher's pages (and the account
 * page) as the payload classes' teacher — the admin pages as the school admin, the demo teacher,
 * who sees every class of the school, payload classes too — and all but the teacher's and
 * admin's pages as the student with a payload for a name and payload conversations. Each page is
 * looked at once its scripts have run, for payload traces and for the CSP reports of the app's
 * own scripts: two tests read these visits, so no page is opened twice.
 */
async function visitEveryPage(): Promise<EveryPageVisited> {
  const student = await userByUsername(payloadStudent);
  const pages = pageUrls({ ...(await realParamValues()), classId: xssClassId, studentId: student.id });
  const visits = [
    ...pages
      .filter((p) => p.visitors.includes("teacher"))
      .map((p) => ({ path: p.path, as: p.pattern.startsWith("/admin") ? DEMO_TEACHER : xssTeacher, where: `teacher at ${p.path}` })),
    ...pages
      .filter((p) => !p.pattern.startsWith("/teach") && !p.pattern.startsWith("/admin"))
      .map((p) => ({ path: p.path, as: payloadStudent, where: `student at ${p.path}` })),
  ];
  const found: EveryPageVisited = { payloadTraces: [], ownScriptReports: [], teacherPagesShowingPayloads: 0 };
  // a layout and its index route answer the same URL: one visit
  const seen = new Set<string>();
  for (const visit of visits) {
    if (seen.has(visit.where)) continue;
    seen.add(visit.where);
    await signInOncePerUser(browser.context, visit.as);
    await browser.page.goto(visit.path);
    await scriptsHaveRun(browser.page, visit.where);
    const traces = await tracesOn(browser.page, visit.where);
    found.payloadTraces.push(...traces.payloadTraces);
    found.ownScriptReports.push(...traces.ownScriptReports);
    if (visit.as !== payloadStudent && (await browser.page.content()).includes("data-xss")) found.teacherPagesShowingPayloads++;
  }
  return found;
}

let everyPage: Promise<EveryPageVisited> | undefined;
/** The visits of every page, made by whichever of the two tests that read them runs first. */
const everyPageVisited = () => (everyPage ??= visitEveryPage());

describe("XSS payloads never execute", () => {
  it(`class names (${XSS_PAYLOADS.length} payloads) on the teacher's pages`, async () => {
    await signInAs(browser.context, xssTeacher);
    await browser.page.goto("/teach");
    await expectClean(browser.page, "/teach");
    // the payloads are shown as text, so this test is not passing vacuously
    const text = await browser.page.innerText("main");
    expect(text).toContain(XSS_PAYLOADS[0]);
    for (const id of payloadClassIds.slice(0, 8)) {
      await browser.page.goto(`/teach/classes/${id}`);
      await expectClean(browser.page, `class page ${id}`);
    }
  });

  it("display names, prompts and stored model replies on every page that shows them", async () => {
    const { payloadTraces, teacherPagesShowingPayloads } = await everyPageVisited();
    expect(payloadTraces).toEqual([]);
    expect(teacherPagesShowingPayloads, "some teacher page shows the payload names (escaped)").toBeGreaterThan(0);
  });

  it("payloads in query strings are not reflected into the page as HTML", async () => {
    const values = await realParamValues();
    await browser.context.clearCookies();
    const pages = pageUrls(values);
    for (const payload of XSS_PAYLOADS.filter((_, i) => i % 11 === 0)) {
      for (const p of pages.filter((x) => x.visitors.includes("anonymous"))) {
        const q = encodeURIComponent(payload);
        await browser.page.goto(`${p.path}?next=${q}&lang=${q}&code=${q}&q=${q}&error=${q}`);
        await expectClean(browser.page, `${p.path} with ${payload}`);
      }
    }
  });

  it("class names typed into the teacher's own form", async () => {
    await signInAs(browser.context, xssTeacher);
    const page = browser.page;
    // each class is made from the class list the last one was checked on
    await page.goto("/teach");
    for (const payload of XSS_PAYLOADS.filter((p) => p.length <= 80 && p.trim() !== "").slice(0, 5)) {
      const nameField = page.getByLabel("Class name", { exact: true });
      await nameField.fill(payload);
      // the class is created and its page shown: the payload is now stored and rendered back
      await Promise.all([page.waitForURL(/\/teach\/classes\/[^/]+/), nameField.press("Enter")]);
      await expectClean(page, `after creating class ${payload}`);
      await page.goto("/teach");
      await expectClean(page, `the class list with ${payload}`);
    }
  });

  it("the app's own scripts need no exception to the CSP (no eval, no inline handlers)", async () => {
    // Any other CSP report on these pages fails the test above (a payload stopped only by the CSP).
    const { ownScriptReports } = await everyPageVisited();
    // zod 4 probes `new Function("")` when it is loaded: schemas belong in *.server.ts modules.
    expect([...new Set(ownScriptReports)]).toEqual([]);
  });

  it.skipIf(!hasRoute("/playground"))("model replies streamed live into the playground, and the prompts sent", async () => {
    await signInAs(browser.context, livePayloadStudent);
    await fakeAnthropic.reset();
    // five exchanges: the class allows six messages a minute
    const payloads = XSS_PAYLOADS.filter((p) => !p.includes("\u0001")).slice(0, 5);
    await fakeAnthropic.script(...payloads.map((text) => ({ kind: "reply" as const, chunks: text.match(/.{1,5}/gsu) ?? [text] })));
    const page = browser.page;
    await page.goto("/playground");
    const claude = await page.locator("#pg-model option").evaluateAll((options) =>
      (options as HTMLOptionElement[]).find((o) => /^claude/.test(o.value))?.value,
    );
    for (const [i, payload] of payloads.entries()) {
      if (claude) await page.selectOption("#pg-model", claude);
      await page.fill("#pg-prompt", payload);
      await page.press("#pg-prompt", "Control+Enter");
      // the reply (the same payload, streamed) has arrived and been stored
      await expect.poll(async () => (await fakeAnthropic.requests()).requests.filter((r) => r.path === "/v1/messages").length, { timeout: 10_000 }).toBe(i + 1);
      // the exchange has ended: only then does the composer take the next prompt (the text box
      // stays editable while a reply streams; the send button does not)
      await expect.poll(() => page.locator('button[name="intent"][value="send"]').getAttribute("aria-disabled"), { timeout: 10_000 }).toBe(null);
      await page.waitForTimeout(300);
      await expectClean(page, `playground exchange ${payload}`);
    }
    await page.reload();
    await expectClean(page, "playground after reload");
    expect(await page.locator("main").innerText()).toContain(payloads[0]);
  });
});
