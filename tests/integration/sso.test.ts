/**
 * Issue 17, item 1: sign-in with the school's OpenID Connect provider. A real provider
 * (oidc-provider on 127.0.0.1, spoken to over real HTTP) and Lantern's own routes, driven like a
 * browser: a cookie jar per site, every redirect followed, the provider's login and consent
 * pages submitted by POST.
 */
import { createCookie } from "@remix-run/node";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/catalog/en";
import { zhHans } from "../../app/i18n/catalog/zh-Hans";
import { action as adminSsoAction, loader as adminSsoLoader } from "../../app/routes/admin.signin";
import { loader as startLoader } from "../../app/routes/auth.oidc.start";
import { loader as callbackLoader } from "../../app/routes/auth.oidc.callback";
import { action as linkAction, loader as linkLoader } from "../../app/routes/auth.oidc.link";
import { action as signinAction, loader as signinLoader } from "../../app/routes/signin";
import { action as signoutAction, loader as signoutLoader } from "../../app/routes/signout";
import { db } from "../../app/utils/db.server";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { seal } from "../../app/utils/secret-box.server";
import { getSessionUser } from "../../app/utils/session.server";
import { schools, sessions, ssoIdentities, ssoLogins, users } from "../../db/schema";
import { cookieFor, makeSchool, makeUser, PASSWORD, requestAs } from "../factories";
import { startFakeProvider, type FakeProvider } from "../fakes/oidc-provider";

const LANTERN = "http://localhost";
/** The session cookie's name over plain http (session-cookie.server.ts). */
const SESSION_COOKIE = "lantern_session";
const ctx = { nonce: "n", clientAddress: "10.20.0.7" };
type LoaderLike = (args: { request: Request; params: Record<string, string>; context: typeof ctx }) => Promise<unknown>;
const LANTERN_ROUTES: Record<string, { GET?: LoaderLike; POST?: LoaderLike }> = {
  "/auth/oidc/start": { GET: startLoader as LoaderLike },
  "/auth/oidc/callback": { GET: callbackLoader as LoaderLike },
  "/auth/oidc/link": { GET: linkLoader as LoaderLike, POST: linkAction as LoaderLike },
  "/signin": { GET: signinLoader as LoaderLike, POST: signinAction as LoaderLike },
};

/** A browser: cookies per origin, redirects followed; Lantern's routes called in-process. */
class Browser {
  jar = new Map<string, Map<string, string>>();
  /** Every Set-Cookie line Lantern sent, with its attributes. */
  setCookies: string[] = [];
  constructor(private lang = "en") {}

  private cookies(origin: string) {
    if (!this.jar.has(origin)) this.jar.set(origin, new Map());
    return this.jar.get(origin)!;
  }

  private keep(origin: string, headers: Headers) {
    if (origin === LANTERN) this.setCookies.push(...headers.getSetCookie());
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || /expires=thu, 01 jan 1970/i.test(line);
      if (gone) this.cookies(origin).delete(name!.trim());
      else this.cookies(origin).set(name!.trim(), value.join("="));
    }
  }

  cookieHeader(origin: string) {
    return [...this.cookies(origin)].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One request; returns status, Location and body (a Lantern loader's data as JSON). */
  async request(url: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; body: string; url: string }> {
    const u = new URL(url, LANTERN);
    const headers = new Headers({ Cookie: this.cookieHeader(u.origin), "Accept-Language": this.lang });
    const init: RequestInit = { method: form ? "POST" : "GET", headers, redirect: "manual" };
    if (form) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      init.body = new URLSearchParams(form);
    }
    if (u.origin === LANTERN) {
      const route = LANTERN_ROUTES[u.pathname]?.[form ? "POST" : "GET"];
      if (!route) return { status: 200, location: null, body: "", url: u.href }; // a Lantern page we only need to reach
      let out: unknown;
      try {
        out = await route({ request: new Request(u, init), params: {}, context: ctx });
      } catch (thrown) {
        out = thrown;
      }
      if (out instanceof Response) {
        this.keep(u.origin, out.headers);
        return { status: out.status, location: out.headers.get("Location"), body: await out.text(), url: u.href };
      }
      return { status: 200, location: null, body: JSON.stringify(out), url: u.href };
    }
    const res = await fetch(u, init);
    this.keep(u.origin, res.headers);
    return { status: res.status, location: res.headers.get("Location"), body: await res.text(), url: u.href };
  }

  /** Follows redirects until a page answers. */
  async go(url: string, form?: Record<string, string>) {
    let res = await this.request(url, form);
    for (let hops = 0; res.location && hops < 20; hops++) res = await this.request(new URL(res.location, res.url).href);
    return res;
  }

  lanternRequest(path: string) {
    return new Request(`${LANTERN}${path}`, { headers: { Cookie: this.cookieHeader(LANTERN) } });
  }
}

/** Signs in at the provider's development pages as `sub`, then consents; stops at Lantern's callback. */
async function throughProvider(browser: Browser, sub: string, { stopAtCallback = false, rewrite = (u: URL) => u, start: startPath = "/auth/oidc/start" } = {}) {
  const start = await browser.request(startPath);
  let page = await browser.go(rewrite(new URL(start.location!)).href);
  for (let step = 0; step < 4 && page.url.includes("/interaction/"); step++) {
    const action = /<form[^>]*action="([^"]+)"/.exec(page.body)![1]!;
    const prompt = /name="prompt" value="([^"]+)"/.exec(page.body)![1]!;
    const target = new URL(action.replace(/&amp;/g, "&"), page.url).href;
    let res = await browser.request(target, prompt === "login" ? { prompt, login: sub, password: "any" } : { prompt });
    while (res.location && !(stopAtCallback && res.location.includes("/auth/oidc/callback"))) res = await browser.request(new URL(res.location, res.url).href);
    if (stopAtCallback && res.location?.includes("/auth/oidc/callback")) return { callback: new URL(res.location, res.url).href };
    page = res;
  }
  return { page };
}

async function signedInUser(browser: Browser) {
  return getSessionUser(browser.lanternRequest("/teach"));
}

let idp: FakeProvider;
let school: Awaited<ReturnType<typeof makeSchool>>;

const ssoForm = (over: Record<string, string> = {}) => ({
  preset: "generic",
  enabled: "yes",
  label: "School ID",
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  allowedDomains: "school.test, students.school.test",
  roleKind: "domain",
  teacherDomains: "school.test",
  teacherPasswordSignIn: "yes",
  ...over,
});

beforeAll(async () => {
  idp = await startFakeProvider(
    [
      { sub: "t-100", email: "ada@school.test", name: "Ada Teacher" },
      // (a right-to-left override in the provider's name: kept out of the account, as at join)
      { sub: "s-200", email: "li.wei@students.school.test", name: "李\u202E伟" },
      { sub: "x-300", email: "eve@elsewhere.test", name: "Eve Outsider" },
      { sub: "t-400", email: "grace@school.test", name: "Grace Existing" },
      { sub: "s-500", email: "mo@students.school.test", name: "Mo Provider-Name" },
      { sub: "s-201", email: "sam@students.school.test", name: "Sam Shared" },
      { sub: "s-202", email: "kim@students.school.test", name: "Kim Home" },
    ],
    `${LANTERN}/auth/oidc/callback`,
  );
  school = await makeSchool("SSO School");
  // the provider sends people back to the school's web address (decision 017)
  await updateSchoolSettings(school.admin, { publicUrl: LANTERN });
  const saved = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: ssoForm() }), params: {}, context: ctx });
  expect((saved as { data: { saved: boolean } }).data.saved).toBe(true);
});

afterAll(async () => idp?.close());

describe("the admin's Sign-in settings", () => {
  it("store the client secret sealed and never send it to a browser", async () => {
    const [row] = await db().select({ settings: schools.settings }).from(schools).where(eq(schools.id, school.school.id));
    const stored = JSON.stringify(row!.settings);
    expect(stored).not.toContain(idp.clientSecret);
    expect(row!.settings.sso!.clientSecretSealed).toMatch(/^v2:/);
    const page = await adminSsoLoader({ request: await requestAs(school.admin, "/admin/signin"), params: {}, context: ctx });
    expect(JSON.stringify(page)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(page)).not.toContain("clientSecretSealed");
    expect((page as { sso: { hasSecret: boolean } }).sso.hasSecret).toBe(true);
    const signin = await new Browser().request("/signin");
    expect(signin.body).toContain("School ID");
    expect(signin.body).not.toContain(idp.clientSecret);
    const start = await new Browser().request("/auth/oidc/start");
    expect(start.location).toContain(idp.issuer);
    expect(start.location).toContain("code_challenge_method=S256");
    expect(start.location).not.toContain(idp.clientSecret);
  });

  it("refuse a plain-http issuer that is not on this computer, and keep the secret when left empty", async () => {
    const bad = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: ssoForm({ issuer: "http://sso.example.org" }) }), params: {}, context: ctx });
    expect((bad as { data: { errors: Record<string, string> } }).data.errors.issuer).toBe("admin.sso.httpsOnly");
    const kept = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: ssoForm({ clientSecret: "" }) }), params: {}, context: ctx });
    expect((kept as { data: { saved: boolean } }).data.saved).toBe(true);
  });

  it("are for admins only", async () => {
    const teacher = await makeUser(school.school.id, "teacher");
    const refused = await adminSsoLoader({ request: await requestAs(teacher, "/admin/signin"), params: {}, context: ctx }).catch((r: Response) => r);
    expect((refused as Response).status).toBe(404);
  });
});

describe("the full code flow", () => {
  it("signs a teacher in by the domain rule and links the subject", async () => {
    const browser = new Browser();
    const { page } = await throughProvider(browser, "t-100");
    expect(new URL(page!.url).pathname).toBe("/teach");
    const user = await signedInUser(browser);
    expect(user).toMatchObject({ role: "teacher", displayName: "Ada Teacher", username: "ada@school.test" });
    const [identity] = await db().select().from(ssoIdentities).where(eq(ssoIdentities.userId, user!.id));
    expect(identity).toMatchObject({ issuer: idp.issuer, subject: "t-100" });
  });

  it("signs a student in with a minimal profile (no e-mail kept), and the same subject again is the same account", async () => {
    const browser = new Browser();
    const { page } = await throughProvider(browser, "s-200");
    expect(new URL(page!.url).pathname).toBe("/learn");
    const user = await signedInUser(browser);
    expect(user).toMatchObject({ role: "student", displayName: "李伟", username: "li.wei" });
    const [row] = await db().select({ email: users.email }).from(users).where(eq(users.id, user!.id));
    expect(row!.email).toBeNull();
    const again = new Browser();
    await throughProvider(again, "s-200");
    expect((await signedInUser(again))!.id).toBe(user!.id);
  });

  it("on a shared computer, ends with the browser or after 15 idle minutes; elsewhere, keeps the session", async () => {
    const sessionOf = async (browser: Browser) => {
      const user = await signedInUser(browser);
      const [row] = await db().select({ idleMinutes: sessions.idleMinutes }).from(sessions).where(eq(sessions.userId, user!.id)).orderBy(desc(sessions.createdAt)).limit(1);
      const cookie = browser.setCookies.find((line) => line.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0/i.test(line))!;
      return { idleMinutes: row!.idleMinutes, persistent: /max-age=\d+|expires=/i.test(cookie) };
    };
    // the sign-in page's box goes with the school's button (a GET form: ?school=…&shared=yes)
    const shared = new Browser();
    await throughProvider(shared, "s-201", { start: `/auth/oidc/start?school=${school.school.id}&shared=yes` });
    expect(await sessionOf(shared)).toEqual({ idleMinutes: 15, persistent: false });
    const own = new Browser();
    await throughProvider(own, "s-202", { start: `/auth/oidc/start?school=${school.school.id}` });
    expect(await sessionOf(own)).toEqual({ idleMinutes: null, persistent: true });
  });

  it("answers the sign-in page's form with a page that moves on to the provider (a form's redirect off the site is blocked by form-action)", async () => {
    for (const [lang, catalog] of [["en", en], ["zh-CN", zhHans]] as const) {
      const browser = new Browser(lang);
      const res = await browser.request(`/auth/oidc/start?via=form&school=${school.school.id}&shared=yes`);
      expect(res.status).toBe(200);
      const target = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(res.body)?.[1]?.replace(/&amp;/g, "&");
      expect(target?.startsWith(idp.issuer)).toBe(true);
      expect(res.body).toContain(`<a href="${target!.replace(/&/g, "&amp;")}">${catalog["auth.sso.continue"].replace("{provider}", "School ID")}</a>`);
      expect(browser.setCookies.some((line) => line.startsWith("lantern_sso_state=") && !/max-age=0/i.test(line))).toBe(true);
    }
  });

  it("refuses an account from a domain that is not allowed, in the user's language", async () => {
    for (const [lang, catalog] of [["en", en], ["zh-CN", zhHans]] as const) {
      const browser = new Browser(lang);
      const { page } = await throughProvider(browser, "x-300");
      expect(page!.url).toContain("/signin?sso=domain");
      expect(JSON.parse(page!.body).ssoError).toBe(catalog["auth.sso.domain"]);
      expect(await signedInUser(browser)).toBeNull();
    }
    expect(await db().select().from(users).where(eq(users.displayName, "Eve Outsider"))).toHaveLength(0);
  });

  it("refuses a tampered state", async () => {
    const browser = new Browser();
    const { callback } = await throughProvider(browser, "t-100", { stopAtCallback: true });
    const tampered = new URL(callback!);
    // another first character (the state is random: it starts with "x" one time in 64)
    const state = tampered.searchParams.get("state")!;
    tampered.searchParams.set("state", (state.startsWith("x") ? "y" : "x") + state.slice(1));
    const page = await browser.go(tampered.href);
    expect(page.url).toContain("/signin?sso=expired");
    expect(JSON.parse(page.body).ssoError).toBe(en["auth.sso.expired"]);
    expect(await signedInUser(browser)).toBeNull();
  });

  it("refuses a replayed callback", async () => {
    const browser = new Browser();
    const { callback } = await throughProvider(browser, "t-100", { stopAtCallback: true });
    const stateCookie = browser.cookieHeader(LANTERN);
    const first = await browser.go(callback!);
    expect(new URL(first.url).pathname).toBe("/teach");
    // an attacker (or a back button) sends the same callback with the same state cookie
    const replay = new Browser();
    replay.jar.set(LANTERN, new Map(stateCookie.split("; ").map((p) => p.split("=") as [string, string])));
    const again = await replay.go(callback!);
    expect(again.url).toContain("/signin?sso=expired");
    expect(await signedInUser(replay)).toBeNull();
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const browser = new Browser();
    const { callback } = await throughProvider(browser, "t-100", { stopAtCallback: true });
    await db().update(ssoLogins).set({ nonce: "not-the-nonce-that-was-sent" });
    const page = await browser.go(callback!);
    expect(page.url).toContain("/signin?sso=rejected");
    expect(JSON.parse(page.body).ssoError).toBe(en["auth.sso.rejected"]);
    expect(await signedInUser(browser)).toBeNull();
  });

  it("refuses an ID token that had already expired, saying so in the user's language", async () => {
    idp.idTokensExpiredSecondsAgo = 600;
    try {
      for (const [lang, catalog] of [["en", en], ["zh-CN", zhHans]] as const) {
        const browser = new Browser(lang);
        const { page } = await throughProvider(browser, "t-100");
        expect(page!.url).toContain("/signin?sso=stale");
        expect(JSON.parse(page!.body).ssoError).toBe(catalog["auth.sso.stale"]);
        expect(await signedInUser(browser)).toBeNull();
      }
    } finally {
      idp.idTokensExpiredSecondsAgo = null;
    }
    // the same provider with a right clock signs the teacher in again
    const browser = new Browser();
    await throughProvider(browser, "t-100");
    expect(await signedInUser(browser)).toMatchObject({ username: "ada@school.test" });
  });

  it("bounds how many sign-ins one address may start in a minute", async () => {
    const { spend } = await import("../../app/models/request-rates.server");
    const { SSO_STARTS_PER_MINUTE } = await import("../../app/models/sso.server");
    await spend("sso-start", ctx.clientAddress, SSO_STARTS_PER_MINUTE, SSO_STARTS_PER_MINUTE);
    const rows = (await db().select().from(ssoLogins)).length;
    const page = await new Browser().go("/auth/oidc/start");
    expect(page.url).toContain("/signin?sso=busy");
    expect(JSON.parse(page.body).ssoError).toBe(en["auth.sso.busy"]);
    expect(await db().select().from(ssoLogins)).toHaveLength(rows);
    await db().execute(sql`delete from request_rates`);
  });

  it("refuses a code the provider issued to another application (audience is not Lantern)", async () => {
    const browser = new Browser();
    const { page } = await throughProvider(browser, "t-100", {
      rewrite: (u) => {
        u.searchParams.set("client_id", "another-app");
        return u;
      },
    });
    expect(page!.url).toContain("/signin?sso=rejected");
    expect(await signedInUser(browser)).toBeNull();
  });

  it("asks an existing teacher with the same e-mail for their password before linking", async () => {
    const grace = await makeUser(school.school.id, "teacher", { email: "grace@school.test", username: "grace@school.test" });
    const browser = new Browser();
    const { page } = await throughProvider(browser, "t-400");
    expect(new URL(page!.url).pathname).toBe("/auth/oidc/link");
    expect(await signedInUser(browser)).toBeNull();
    const wrong = await browser.go("/auth/oidc/link", { password: "not-her-password" });
    expect(JSON.parse(wrong.body).message).toBe(en["auth.sso.linkWrong"]);
    expect(await db().select().from(ssoIdentities).where(eq(ssoIdentities.userId, grace.id))).toHaveLength(0);
    const right = await browser.go("/auth/oidc/link", { password: PASSWORD });
    expect(new URL(right.url).pathname).toBe("/teach");
    expect((await signedInUser(browser))!.id).toBe(grace.id);
    // from now on the subject alone signs her in
    const next = new Browser();
    await throughProvider(next, "t-400");
    expect((await signedInUser(next))!.id).toBe(grace.id);
  });
});

describe("linking by the admin and signing out", () => {
  it("links an existing student the admin names to the provider's subject at the first sign-in", async () => {
    const mo = await makeUser(school.school.id, "student", { username: "mo.existing", displayName: "Mo" });
    const unknown = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: { intent: "link", username: "nobody.here", email: "mo@students.school.test" } }), params: {}, context: ctx });
    expect((unknown as { data: { errors: Record<string, string> } }).data.errors.username).toBe("admin.sso.noSuchAccount");
    const linked = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: { intent: "link", username: "MO.existing", email: "Mo@students.school.test" } }), params: {}, context: ctx });
    expect((linked as { data: { saved: boolean } }).data.saved).toBe(true);
    const page = await adminSsoLoader({ request: await requestAs(school.admin, "/admin/signin"), params: {}, context: ctx });
    expect((page as { links: unknown[] }).links).toEqual([{ email: "mo@students.school.test", username: "mo.existing", displayName: "Mo" }]);
    const browser = new Browser();
    await throughProvider(browser, "s-500");
    expect((await signedInUser(browser))!.id).toBe(mo.id);
    const [identity] = await db().select().from(ssoIdentities).where(eq(ssoIdentities.userId, mo.id));
    expect(identity!.subject).toBe("s-500");
    // the e-mail is forgotten once the subject is linked; the student still has none
    const [row] = await db().select({ settings: schools.settings }).from(schools).where(eq(schools.id, school.school.id));
    expect(JSON.stringify(row!.settings)).not.toContain("mo@students.school.test");
    const [student] = await db().select({ email: users.email }).from(users).where(eq(users.id, mo.id));
    expect(student!.email).toBeNull();
  });

  it("ends the Lantern session and offers the provider's logout", async () => {
    const browser = new Browser();
    await throughProvider(browser, "t-100");
    const out = await signoutAction({ request: new Request(`${LANTERN}/signout`, { method: "POST", headers: { Cookie: browser.cookieHeader(LANTERN) } }), params: {}, context: ctx });
    expect(await signedInUser(browser)).toBeNull();
    const next = (out as Response).headers.get("Location")!;
    expect(next).toBe(`/signout?school=${school.school.id}`);
    const page = (await signoutLoader({ request: new Request(`${LANTERN}${next}`), params: {}, context: ctx })) as { logoutUrl: string; provider: string };
    expect(page.provider).toBe("School ID");
    expect(page.logoutUrl.startsWith(`${idp.issuer}/session/end`)).toBe(true);
    expect(page.logoutUrl).not.toContain(idp.clientSecret);
    // the provider accepts it (its logout confirmation page)
    expect((await fetch(page.logoutUrl)).status).toBe(200);
  });
});

describe("password sign-in for teachers", () => {
  it("can be turned off when SSO is on; admins keep theirs", async () => {
    const teacher = await makeUser(school.school.id, "teacher");
    const { teacherPasswordSignIn: _unticked, ...off } = ssoForm();
    const turnedOff = await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: off }), params: {}, context: ctx });
    expect((turnedOff as { data: { saved: boolean } }).data.saved).toBe(true);
    const refused = await new Browser().go("/signin", { login: teacher.username, password: PASSWORD });
    expect(JSON.parse(refused.body).message).toBe(en["auth.sso.passwordOff"]);
    const admin = new Browser();
    await admin.go("/signin", { login: school.admin.username, password: PASSWORD });
    expect((await signedInUser(admin))?.id).toBe(school.admin.id);
    await adminSsoAction({ request: await requestAs(school.admin, "/admin/signin", { form: ssoForm() }), params: {}, context: ctx });
    const allowed = new Browser();
    await allowed.go("/signin", { login: teacher.username, password: PASSWORD });
    expect((await signedInUser(allowed))?.id).toBe(teacher.id);
  });
});

describe("a pending link cookie that is not a pending link", () => {
  // Found by a security pass: an import preview's sealed token, copied into this cookie, was
  // opened and read as JSON — a 500 on the page and its form.
  it.each([
    ["an import preview's token", () => seal("eJyrVg==", "roster-import-preview")],
    ["a link sealed by this server around something that is not JSON", () => seal("not json", "sso-pending-link")],
    ["a link whose fields are missing", () => seal("{}", "sso-pending-link")],
  ])("sends %s back to sign-in", async (_what, sealed) => {
    const cookie = await createCookie("lantern_sso_link", { path: "/auth/oidc" }).serialize(sealed());
    for (const call of [linkLoader, linkAction]) {
      const request = new Request(`${LANTERN}/auth/oidc/link`, {
        method: call === linkAction ? "POST" : "GET",
        headers: { Cookie: cookie.split(";")[0]!, "Content-Type": "application/x-www-form-urlencoded" },
        body: call === linkAction ? "password=x" : undefined,
      });
      const thrown = await (call as LoaderLike)({ request, params: {}, context: ctx }).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(302);
      expect((thrown as Response).headers.get("Location")).toBe("/signin?sso=expired");
    }
  });
});

describe("the redirect URI", () => {
  // Found by a walk through the admin pages: it came from the address the admin's browser used,
  // so an admin working on the server registered http://127.0.0.1/… with the provider.
  it("is the school's web address, whatever host the request came in on, with a warning while that is this computer", async () => {
    const onServer = (await adminSsoLoader({
      request: new Request("http://127.0.0.1:9999/admin/signin", { headers: { Cookie: await cookieFor(school.admin) } }),
      params: {},
      context: ctx,
    })) as {
      redirectUri: string;
      redirectIsLocal: boolean;
    };
    expect(onServer.redirectUri).toBe(`${LANTERN}/auth/oidc/callback`);
    expect(onServer.redirectIsLocal).toBe(true);

    await updateSchoolSettings(school.admin, { publicUrl: "https://lantern.school.test" });
    try {
      const set = (await adminSsoLoader({ request: await requestAs(school.admin, "/admin/signin"), params: {}, context: ctx })) as { redirectUri: string; redirectIsLocal: boolean };
      expect(set).toMatchObject({ redirectUri: "https://lantern.school.test/auth/oidc/callback", redirectIsLocal: false });
      // and the provider is asked to send the browser there, not to the host of the request
      const started = (await startLoader({ request: new Request("http://evil.example/auth/oidc/start"), params: {}, context: ctx }).catch((e: unknown) => e)) as Response;
      const to = new URL(started.headers.get("Location")!);
      expect(to.searchParams.get("redirect_uri")).toBe("https://lantern.school.test/auth/oidc/callback");
    } finally {
      await updateSchoolSettings(school.admin, { publicUrl: LANTERN });
    }
  });
});

