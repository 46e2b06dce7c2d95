/**
 * Roster import in Chromium (issue 17 item 2): the teacher uploads the OneRoster sample school's
 * zip on their class's Students tab, reads the preview (counts and the problems named by file and
 * line), confirms, and the class is filled; in 简体中文 without JavaScript the same works with
 * plain form posts. A UK teacher, without JavaScript, downloads the template and pastes a list
 * from the school's information system (decision 027). Screenshots: /tmp/shots-roster/.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { seriousViolations } from "./setup/a11y";
import { openBrowser, type OpenBrowser } from "./setup/browser";
import { closeTestSql, DEMO_TEACHER, testSql } from "./setup/context";

const ZIP = path.resolve(import.meta.dirname, "../fixtures/oneroster/school.zip");
const SHOTS = "/tmp/shots-roster";
const en = translator("en");
const zh = translator("zh-Hans");
const opened: OpenBrowser[] = [];
/** The confirm hashes 20 first passwords with argon2 (as adding students by hand does): slow on a busy machine. */
const HASHING_20_PASSWORDS = 60_000;

async function browser(options: Parameters<typeof openBrowser>[0]) {
  const b = await openBrowser({ as: DEMO_TEACHER, ...options });
  opened.push(b);
  return b;
}

afterAll(async () => {
  for (const b of opened) await b.close();
  await closeTestSql();
});

async function studentsOf(classId: string): Promise<number> {
  const [row] = await testSql()<{ n: number }[]>`select count(*)::int as n from enrollments where class_id = ${classId}`;
  return row!.n;
}

/** Makes a class on the teacher's page, in the page's language, and answers its id (the page is then its Students tab). */
async function createClass(page: Awaited<ReturnType<typeof browser>>["page"], t: typeof en, name: string): Promise<string> {
  await page.goto("/teach");
  await page.getByLabel(t("teach.className")).fill(name);
  await page.getByRole("button", { name: t("teach.createClass") }).click();
  await page.waitForURL(/\/teach\/classes\/[0-9a-f-]{36}\/roster/);
  return /\/teach\/classes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

describe("roster import", () => {
  it("upload → preview → confirm fills the teacher's class, and nothing is written before the confirm", async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const { page, problems } = await browser({ lang: "en" });
    const classId = await createClass(page, en, "7C Computing");

    await page.getByRole("link", { name: en("teach.import.importLink") }).click();
    await page.waitForURL(`**/teach/classes/${classId}/import`);
    await page.getByLabel(en("teach.import.files")).setInputFiles(ZIP);
    await page.getByRole("button", { name: en("teach.import.preview") }).click();

    const counts = page.getByTestId("roster-counts");
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(new RegExp(`${en("teach.import.count.create")}\\s+20`));
    const listed = await page.getByTestId("roster-problems").locator("li").allInnerTexts();
    expect(listed).toEqual([
      `${en("teach.import.fileLine", { file: "enrollments.csv", line: 212 })}${en("teach.import.colon")}${en("teach.import.problem.unknownClass", { id: "cls-999" })}`,
      `${en("teach.import.fileLine", { file: "users.csv", line: 132 })}${en("teach.import.colon")}${en("teach.import.problem.badEncoding")}`,
      `${en("teach.import.fileLine", { file: "users.csv", line: 161 })}${en("teach.import.colon")}${en("teach.import.problem.duplicateUsername", { username: "s0010", earlier: en("teach.import.line", { line: 21 }) })}`,
    ]);
    expect(await page.getByTestId("roster-preview").locator("tbody tr").count()).toBe(20);
    expect(await studentsOf(classId)).toBe(0);
    // the keyboard is at the preview, below the page's alerts (found in an accessibility walk: focus fell to the page)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("preview-h");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "01-preview-en.png"), fullPage: true });

    await page.getByRole("button", { name: en("teach.import.confirm", { count: 20 }) }).click();
    await page.getByRole("status").filter({ hasText: en("teach.import.done", { created: 20, updated: 0, moved: 0, unchanged: 0 }) }).waitFor({ timeout: HASHING_20_PASSWORDS });
    expect(await page.getByTestId("sign-in-card").count()).toBe(20);
    expect(await studentsOf(classId)).toBe(20);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
    await page.screenshot({ path: path.join(SHOTS, "02-done-en.png") });

    await page.getByRole("link", { name: en("teach.import.backToStudents") }).click();
    await page.waitForURL(`**/teach/classes/${classId}/roster`);
    await page.getByRole("heading", { name: en("teach.roster.title", { n: 20 }) }).waitFor();
    expect(problems).toEqual([]);
  });

  it("works without JavaScript, in 简体中文, and a second import of the same file changes nothing", async () => {
    const { page } = await browser({ lang: "zh-Hans", javaScriptEnabled: false });
    const classId = await createClass(page, zh, "7D Computing");
    await page.goto(`/teach/classes/${classId}/import`);
    for (const round of [1, 2]) {
      await page.getByLabel(zh("teach.import.files")).setInputFiles(ZIP);
      await page.getByRole("button", { name: zh("teach.import.preview") }).click();
      await page.getByTestId("roster-counts").waitFor();
      if (round === 1) {
        await page.screenshot({ path: path.join(SHOTS, "03-preview-zh-Hans-nojs.png"), fullPage: true });
        await page.getByRole("button", { name: zh("teach.import.confirm", { count: 20 }) }).click();
        await page.getByRole("status").filter({ hasText: zh("teach.import.done", { created: 20, updated: 0, moved: 0, unchanged: 0 }) }).waitFor({ timeout: HASHING_20_PASSWORDS });
      } else {
        expect(await page.getByText(zh("teach.import.nothingToDo")).count()).toBe(1);
        expect(await page.getByRole("button", { name: /^确认/ }).count()).toBe(0);
      }
    }
    expect(await studentsOf(classId)).toBe(20);
  });

  it("a UK class list with Reg, Year and UPN, pasted without JavaScript, joins this class; the columns not read are named; the template downloads", async () => {
    const { page } = await browser({ lang: "en", javaScriptEnabled: false });
    const classId = await createClass(page, en, "8X Computing");
    await page.goto(`/teach/classes/${classId}/import`);

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: en("teach.import.template") }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("roster-template.csv");
    expect(fs.readFileSync((await download.path())!, "utf8")).toBe("\uFEFFForename,Surname,Student number\r\n");

    await page.getByLabel(en("teach.import.paste")).fill("Legal Surname\tLegal Forename\tReg\tYear\tUPN\nSmith\tOliver\t8X\t8\tA823000012001\nJones\tAmelia\t8Y\t8\tA823000012002\n");
    await page.getByRole("button", { name: en("teach.import.preview") }).click();
    await page.getByTestId("roster-counts").waitFor();
    expect(await page.getByTestId("roster-preview").locator("tbody tr td:nth-child(2)").allInnerTexts()).toEqual(["Oliver Smith", "Amelia Jones"]);
    const notes = await page.getByTestId("roster-notes").locator("li").allInnerTexts();
    expect(notes).toEqual([
      `${en("teach.import.pasted")}${en("teach.import.colon")}${en("teach.import.note.ignoredColumns", { columns: "Year, UPN" })}`,
      en("teach.import.note.groupNotThisClass", { column: "Reg", groups: "8X, 8Y", name: "8X Computing" }),
    ]);
    expect(await page.getByTestId("roster-problems").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "05-uk-list-en-nojs.png"), fullPage: true });
    await page.getByRole("button", { name: en("teach.import.confirm", { count: 2 }) }).click();
    await page.getByRole("status").filter({ hasText: en("teach.import.done", { created: 2, updated: 0, moved: 0, unchanged: 0 }) }).waitFor({ timeout: HASHING_20_PASSWORDS });
    expect(await studentsOf(classId)).toBe(2);
  });

  it("the admin previews the whole school: the two classes already imported are up to date, eight are new", async () => {
    const { page, problems } = await browser({ lang: "zh-Hans" });
    await page.goto("/admin");
    await page.getByRole("link", { name: zh("teach.import.tab") }).click();
    await page.waitForURL("**/admin/import");
    await page.getByLabel(zh("teach.import.files")).setInputFiles(ZIP);
    await page.getByRole("button", { name: zh("teach.import.preview") }).click();
    const counts = page.getByTestId("roster-counts");
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(new RegExp(`${zh("teach.import.count.create")}\\s+158[\\s\\S]*${zh("teach.import.count.unchanged")}\\s+40`));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "04-admin-preview-zh-Hans.png") });
    expect(problems).toEqual([]);
  });
});
