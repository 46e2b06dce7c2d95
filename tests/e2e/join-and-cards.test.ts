/**
 * Getting students in, in Chromium (issue 15): the teacher adds students (a repeated name asks
 * first, with and without JavaScript), prints sign-in cards whose QR code — screenshotted and read
 * back by jsQR — is the school's public sign-in address with the username filled in, and
 * projects the join screen (axe-clean, in English and 简体中文). A Host header forged at the real
 * server never reaches a join link. Screenshots and the cards' PDF: test-results/screenshots/join/.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { seriousViolations } from "./setup/a11y";
import { openBrowser, screenshot, SCREENSHOT_DIR, type OpenBrowser } from "./setup/browser";
import { baseUrl, closeTestSql, cookieHeaderFor, DEMO_TEACHER, testSql } from "./setup/context";

const JOURNEY = "join";
const PUBLIC = "https://lantern.e2e-school.example";
const suffix = crypto.randomBytes(3).toString("hex");
const en = translator("en");
const zh = translator("zh-Hans");

let schoolId = "";
let savedSettings: unknown;
let classId = "";
let joinCode = "";
const opened: OpenBrowser[] = [];

async function browser(options: Parameters<typeof openBrowser>[0]) {
  const b = await openBrowser({ as: DEMO_TEACHER, ...options });
  opened.push(b);
  return b;
}

/** The QR code as Chromium drew it, read back by jsQR from a screenshot of the element. */
async function readQr(page: Page, selector: string): Promise<string> {
  const png = PNG.sync.read(await page.locator(selector).first().screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error(`no QR code readable in ${selector}`);
  return found.data;
}

/** A raw request to the real server with a Host header of our choosing. */
function getWithHost(urlPath: string, host: string, cookie: string): Promise<string> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: url.hostname, port: url.port, path: urlPath, headers: { Host: host, Cookie: cookie, "X-Forwarded-Host": host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const sql = testSql();
  const [school] = await sql<{ school_id: string; settings: unknown }[]>`
    select u.school_id, s.settings from users u join schools s on s.id = u.school_id where u.username = ${DEMO_TEACHER}`;
  schoolId = school!.school_id;
  savedSettings = school!.settings;
  await sql`update schools set settings = settings || ${sql.json({ publicUrl: PUBLIC })} where id = ${schoolId}`;
});

afterAll(async () => {
  for (const b of opened) await b.close();
  await testSql()`update schools set settings = ${testSql().json(savedSettings as never)} where id = ${schoolId}`;
  await closeTestSql();
});

describe("sign-in cards and the join screen", () => {
  it("adds students, asks before a second Ada, and prints cards whose QR code signs in from anywhere", async () => {
    const { page, problems } = await browser({ lang: "en" });
    await page.goto("/teach");
    await page.getByLabel(en("teach.className")).fill(`Join test ${suffix}`);
    await page.getByRole("button", { name: en("teach.createClass") }).click();
    await page.waitForURL(/\/teach\/classes\/[0-9a-f-]{36}\/roster/);
    classId = /\/teach\/classes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    // the URL changes a moment before the new page is drawn: wait for the class's own heading, and
    // read the code from its header (the class list just left shows other classes' codes)
    await page.getByRole("heading", { level: 1, name: `Join test ${suffix}` }).waitFor();
    joinCode = (await page.locator(".class-frame-head .join-code").innerText()).trim();

    const names = page.getByLabel(en("teach.roster.names"));
    await names.fill("Ada Lovelace");
    await page.getByRole("button", { name: en("teach.roster.addSubmit") }).click();
    await page.getByRole("status").filter({ hasText: en("teach.roster.added", { count: 1 }) }).waitFor();

    // a second Ada, and a long name: nothing is added until the teacher confirms
    await names.fill("Ada Lovelace\nBartholomew Fitzgerald-Wolfeschlegelstein");
    await page.getByRole("button", { name: en("teach.roster.addSubmit") }).click();
    const warning = page.getByTestId("repeated-names");
    await expect.poll(() => warning.innerText()).toContain(en("teach.roster.dupInClass", { names: "Ada Lovelace", count: 1 }));
    await screenshot(page, JOURNEY, "01-repeated-name-warning-en");
    expect(await page.getByRole("row").count()).toBe(2); // header + the first Ada
    await warning.getByRole("button", { name: en("teach.roster.dupConfirm") }).click();
    await page.getByRole("status").filter({ hasText: en("teach.roster.added", { count: 2 }) }).waitFor();

    const cards = page.getByTestId("sign-in-card");
    expect(await cards.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const username = (await cards.nth(i).locator("code").first().innerText()).trim();
      expect(await readQr(page, `[data-testid=sign-in-card]:nth-child(${i + 1}) .qr svg`)).toBe(`${PUBLIC}/signin?username=${username}`);
      expect(await cards.nth(i).innerText()).toContain(PUBLIC);
      // the long username stays inside its card
      const fits = await cards.nth(i).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits, username).toBe(true);
    }
    // the roster shows both Adas with their usernames
    expect(await page.getByRole("cell", { name: /^ada\.lovelace2?$/ }).count()).toBe(2);
    await screenshot(page, JOURNEY, "02-cards-en");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: path.join(SCREENSHOT_DIR, JOURNEY, "03-cards-en.pdf"), format: "A4", printBackground: true });
    await page.emulateMedia({ media: "screen" });
    expect(fs.statSync(path.join(SCREENSHOT_DIR, JOURNEY, "03-cards-en.pdf")).size).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it("asks about a repeated name without JavaScript too", async () => {
    const { page } = await browser({ lang: "zh-Hans", javaScriptEnabled: false });
    await page.goto(`/teach/classes/${classId}/roster`);
    await page.getByLabel(zh("teach.roster.names")).fill("Ada Lovelace\n陈静");
    await page.getByRole("button", { name: zh("teach.roster.addSubmit") }).click();
    const warning = page.getByTestId("repeated-names");
    await expect.poll(() => warning.innerText()).toContain(zh("teach.roster.dupInClass", { names: "Ada Lovelace", count: 1 }));
    // the list is kept for changing it, and nothing was added
    expect(await page.getByLabel(zh("teach.roster.names")).inputValue()).toBe("Ada Lovelace\n陈静");
    await screenshot(page, JOURNEY, "04-repeated-name-warning-zh-Hans-nojs");
    await warning.getByRole("button", { name: zh("teach.roster.dupConfirm") }).click();
    await page.getByTestId("sign-in-card").first().waitFor();
    const usernames = await page.getByTestId("sign-in-card").locator("code").allInnerTexts();
    expect(usernames.filter((u) => /^(ada\.lovelace3|chenjing\d*)$/.test(u.trim()))).toHaveLength(2);
    await screenshot(page, JOURNEY, "05-cards-zh-Hans");
  });

  it("asks before a new password, naming the student", async () => {
    const { page } = await browser({ lang: "en", javaScriptEnabled: false });
    await page.goto(`/teach/classes/${classId}/roster`);
    const row = page.getByRole("row").filter({ hasText: "bartholomew.fitzgerald.w" });
    await row.getByText(en("teach.roster.reset"), { exact: true }).click();
    const ask = en("teach.roster.resetAsk", { name: "Bartholomew Fitzgerald-Wolfeschlegelstein", username: "bartholomew.fitzgerald.w" });
    await expect.poll(() => row.innerText()).toContain(ask);
    await screenshot(page, JOURNEY, "07-new-password-confirm-en");
    await row.getByRole("button", { name: en("teach.roster.resetConfirm", { name: "Bartholomew Fitzgerald-Wolfeschlegelstein" }) }).click();
    await page.getByTestId("sign-in-card").first().waitFor();
    expect(await page.getByTestId("sign-in-card").innerText()).toContain("bartholomew.fitzgerald.w");
  });

  for (const [lang, t] of [["en", en], ["zh-Hans", zh]] as const) {
    it(`projects the join screen (${lang}): big code, the public join link and its QR code, no axe violations`, async () => {
      const { page, problems } = await browser({ lang, viewport: { width: 1280, height: 720 } });
      await page.goto(`/teach/classes/${classId}`);
      expect(await page.getByLabel(t("teach.join.link")).inputValue()).toBe(`${PUBLIC}/join/${joinCode}`);
      await page.getByRole("link", { name: t("teach.join.display") }).click();
      await page.waitForURL(/\/display$/);
      expect((await page.getByTestId("display-code").innerText()).trim()).toBe(joinCode);
      expect((await page.getByTestId("display-link").innerText()).trim()).toBe(`${PUBLIC}/join/${joinCode}`);
      const size = await page.getByTestId("display-code").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(96);
      expect(await readQr(page, ".display-qr svg")).toBe(`${PUBLIC}/join/${joinCode}`);
      // every piece of the link stays inside its column: a long host name ran on under the QR code
      const overrun = await page.locator(".display-words").evaluate((column) => {
        const edge = column.getBoundingClientRect().right;
        return Math.max(...Array.from(column.querySelectorAll(".display-link span"), (s) => s.getBoundingClientRect().right)) - edge;
      });
      expect(overrun).toBeLessThanOrEqual(1);
      // on the wall: no staff menu, no demo notice (found in a walk through the teacher's pages)
      expect(await page.locator(".site-header .main-nav").isVisible()).toBe(false);
      expect(await page.locator(".demo-banner").isVisible()).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, JOURNEY, `06-display-${lang}`);
      expect(problems).toEqual([]);
    });
  }

  it("a forged Host header at the real server changes no join link", async () => {
    const html = await getWithHost(`/teach/classes/${classId}`, "evil.example", await cookieHeaderFor(DEMO_TEACHER));
    expect(html).toContain(`${PUBLIC}/join/${joinCode}`);
    expect(html).not.toContain("evil.example");
    const display = await getWithHost(`/teach/classes/${classId}/display`, "evil.example", await cookieHeaderFor(DEMO_TEACHER));
    expect(display).toContain(`${PUBLIC}/join/${joinCode}`);
    expect(display).not.toContain("evil.example");
  });
});
