/**
 * Issue 17, item 1 in a real browser: the admin sets up school sign-in on /admin/signin, then a
 * teacher and a student sign in through a real OpenID provider (oidc-provider on 127.0.0.1):
 * Lantern's button, the provider's login and consent pages, back to Lantern signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { openBrowser, screenshot, type OpenBrowser } from "./setup/browser";
import { baseUrl, closeTestSql, DEMO_TEACHER, testSql } from "./setup/context";
import { startFakeProvider, type FakeProvider } from "../fakes/oidc-provider";

const JOURNEY = "sso";
const en = translator("en");
const zh = translator("zh-Hans");
let idp: FakeProvider;
const opened: OpenBrowser[] = [];
let publicUrlBefore: { publicUrl?: string } | undefined;

async function demoSchoolId(): Promise<string> {
  const [row] = await testSql()<{ school_id: string }[]>`select school_id from users where username = ${DEMO_TEACHER}`;
  return row!.school_id;
}

async function browser(options: Parameters<typeof openBrowser>[0]) {
  const b = await openBrowser(options);
  opened.push(b);
  return b;
}

beforeAll(async () => {
  idp = await startFakeProvider(
    [
      { sub: "teacher-1", email: "rosa@school.test", name: "Rosa Lind" },
      { sub: "student-1", email: "wang.fang@students.school.test", name: "王芳" },
    ],
    `${baseUrl()}/auth/oidc/callback`,
  );
  // the provider sends people back to the school's web address (decision 017): this server's
  // address is what the browser uses here
  const [school] = await testSql()<{ settings: { publicUrl?: string } }[]>`select settings from schools where id = ${await demoSchoolId()}`;
  publicUrlBefore = school?.settings;
  await testSql()`update schools set settings = settings || ${testSql().json({ publicUrl: baseUrl() })} where id = ${await demoSchoolId()}`;
});

afterAll(async () => {
  for (const b of opened) await b.close();
  // the server is shared with other journeys: leave the demo school as it was
  await testSql()`update schools set settings = settings - 'sso'`;
  const before = publicUrlBefore?.publicUrl;
  if (before) await testSql()`update schools set settings = settings || ${testSql().json({ publicUrl: before })} where id = ${await demoSchoolId()}`;
  else await testSql()`update schools set settings = settings - 'publicUrl' where id = ${await demoSchoolId()}`;
  await testSql()`delete from users where username in ('rosa@school.test', 'wang.fang')`;
  await closeTestSql();
  await idp?.close();
});

async function throughProvider(b: OpenBrowser, sub: string, lang: typeof en, { sharedComputer = false } = {}) {
  const { page } = b;
  await page.goto("/signin");
  const schoolForm = page.locator("form.sso-start");
  if (sharedComputer) await schoolForm.getByLabel(lang("auth.signIn.shared")).check();
  await schoolForm.getByRole("button", { name: lang("auth.sso.button", { provider: "School ID" }) }).click();
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: "attached" });
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.href.startsWith(baseUrl()) && !u.pathname.startsWith("/auth/"));
}

describe("school sign-in in Chromium", () => {
  it("the admin configures the provider; the secret never comes back to the page", async () => {
    const admin = await browser({ lang: "en", as: DEMO_TEACHER });
    const { page } = admin;
    await page.goto("/admin/signin");
    await page.getByLabel(en("admin.sso.enabled")).check();
    await page.getByLabel(en("admin.sso.preset"), { exact: true }).selectOption("generic");
    await page.getByLabel(en("admin.sso.issuer")).fill(idp.issuer);
    await page.getByLabel(en("admin.sso.label")).fill("School ID");
    await page.getByLabel(en("admin.sso.clientId")).fill(idp.clientId);
    await page.getByLabel(en("admin.sso.clientSecret")).fill(idp.clientSecret);
    await page.getByLabel(en("admin.sso.domains")).fill("school.test, students.school.test");
    await page.getByLabel(en("admin.sso.teacherDomains")).fill("school.test");
    await page.getByRole("button", { name: en("form.save") }).click();
    await page.getByRole("status").filter({ hasText: en("form.saved") }).waitFor();
    await page.goto("/admin/signin");
    expect(await page.content()).not.toContain(idp.clientSecret);
    await screenshot(page, JOURNEY, "01-admin-signin-en");
    const adminZh = await browser({ lang: "zh-Hans", as: DEMO_TEACHER });
    await adminZh.page.goto("/admin/signin");
    await screenshot(adminZh.page, JOURNEY, "02-admin-signin-zh-Hans");
    expect(admin.problems).toEqual([]);
  });

  it("a teacher signs in with the school account and lands on /teach", async () => {
    const visitor = await browser({ lang: "en" });
    await visitor.page.goto("/signin");
    await screenshot(visitor.page, JOURNEY, "03-signin-with-button-en");
    await throughProvider(visitor, "teacher-1", en);
    expect(new URL(visitor.page.url()).pathname).toBe("/teach");
    const [row] = await testSql()<{ role: string }[]>`select role from users where username = 'rosa@school.test'`;
    expect(row!.role).toBe("teacher");
  });

  it("a student signs in (in 简体中文) and lands on /learn", async () => {
    const visitor = await browser({ lang: "zh-Hans" });
    await visitor.page.goto("/signin");
    await screenshot(visitor.page, JOURNEY, "04-signin-with-button-zh-Hans");
    // at a school computer: the box beside the school's button ends the session with the browser
    await throughProvider(visitor, "student-1", zh, { sharedComputer: true });
    expect(new URL(visitor.page.url()).pathname).toBe("/learn");
    const session = (await visitor.page.context().cookies()).find((c) => c.name.endsWith("lantern_session"));
    expect(session?.expires).toBe(-1);
    const [row] = await testSql()<{ role: string; email: string | null; display_name: string }[]>`select role, email, display_name from users where username = 'wang.fang'`;
    expect(row).toEqual({ role: "student", email: null, display_name: "王芳" });
  });
});
