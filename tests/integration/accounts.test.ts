import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as signinAction } from "../../app/routes/signin";
import { action as signoutAction } from "../../app/routes/signout";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { action as joinAction } from "../../app/routes/join.$code";
import { action as signupAction, loader as signupLoader } from "../../app/routes/signup";
import { getSessionUser } from "../../app/utils/session.server";
import { connection, db, registerDatabase } from "../../app/utils/db.server";
import { connect } from "../../db/client";
import { classes, enrollments, users } from "../../db/schema";
import { createInvitation, findOpenInvitation } from "../../app/models/invitations.server";
import { resetStudentPassword } from "../../app/models/students.server";
import { createTeacherIfNew } from "../../app/models/users.server";
import { verifyPassword } from "../../app/utils/password.server";
import { refuseWrites } from "../setup/refuse-writes";
import { JOIN_CODE_ALPHABET } from "../../app/models/join-code";
import { cookieFor, makeClass, makeSchool, makeStudentIn, makeUser, PASSWORD, requestAs } from "../factories";

const ctx = (address = "10.0.0.1") => ({ nonce: "n", clientAddress: address });

async function signInRequest(login: string, password: string, address = "10.0.0.1") {
  const request = await requestAs(null, "/signin", { form: { login, password } });
  return signinAction({ request, params: {}, context: ctx(address) });
}

function sessionCookieOf(response: Response): string {
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

describe("sign-in", () => {
  it("signs in with username and password and sets an HttpOnly, SameSite=Lax cookie", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const res = (await signInRequest(student.username, PASSWORD)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/learn");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http in the test
  });

  it("uses __Host- and Secure over HTTPS", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const body = new URLSearchParams({ login: student.username, password: PASSWORD });
    const request = new Request("https://lantern.example/signin", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const res = (await signinAction({ request, params: {}, context: ctx() })) as Response;
    const [pair, ...attributes] = res.headers.get("Set-Cookie")!.split("; ");
    expect(pair).toMatch(/^__Host-lantern_session=[^;]+$/);
    expect(attributes.filter((a) => !a.startsWith("Max-Age=")).sort()).toEqual(["HttpOnly", "Path=/", "SameSite=Lax", "Secure"]);
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const wrong = (await signInRequest(student.username, "not-the-password", "10.0.0.2")) as { message: string };
    const unknown = (await signInRequest("nobody-here", "not-the-password", "10.0.0.3")) as { message: string };
    expect(wrong.message).toBe(unknown.message);
  });

  it("stores only a hash of the session token, and a new token at every sign-in", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const a = sessionCookieOf((await signInRequest(student.username, PASSWORD)) as Response);
    const b = sessionCookieOf((await signInRequest(student.username, PASSWORD)) as Response);
    expect(a).not.toBe(b);
    const token = a.split("=")[1]!;
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    const rows = await db().execute<{ token_hash: string }>(sql`select token_hash from sessions where user_id = ${student.id}`);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it("refuses a replayed cookie after sign-out", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const cookie = sessionCookieOf((await signInRequest(student.username, PASSWORD)) as Response);
    const asUser = () => new Request("http://localhost/learn", { headers: { Cookie: cookie } });
    expect(await getSessionUser(asUser())).not.toBeNull();
    await signoutAction({ request: new Request("http://localhost/signout", { method: "POST", headers: { Cookie: cookie } }), params: {}, context: ctx() });
    expect(await getSessionUser(asUser())).toBeNull();
  });

  it("ends the user's other sessions when the password changes", async () => {
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const other = sessionCookieOf((await signInRequest(teacher.username, PASSWORD)) as Response);
    const current = sessionCookieOf((await signInRequest(teacher.username, PASSWORD)) as Response);
    const body = new URLSearchParams({ intent: "password", current: PASSWORD, next: "a-brand-new-passphrase" });
    await accountAction({
      request: new Request("http://localhost/account", {
        method: "POST",
        body,
        headers: { Cookie: current, "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: {},
      context: ctx(),
    });
    expect(await getSessionUser(new Request("http://localhost/", { headers: { Cookie: other } }))).toBeNull();
    expect(await getSessionUser(new Request("http://localhost/", { headers: { Cookie: current } }))).not.toBeNull();
    const res = (await signInRequest(teacher.username, "a-brand-new-passphrase", "10.9.9.9")) as Response;
    expect(res.status).toBe(302);
  });

  it("throttles failed sign-ins per account across two app instances on one database", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const first = connection();
    const second = connect(first.url, { max: 2 }); // a second app process's pool
    try {
      // 10 wrong passwords from 10 addresses, alternating processes: the account's own delay starts
      // (growing delays, not a lockout: docs/decisions/007-sign-in-throttling.md)
      for (let i = 0; i < 10; i++) {
        registerDatabase(i % 2 === 0 ? first : second);
        await signInRequest(student.username, "wrong-password", `10.1.0.${i}`);
      }
      registerDatabase(second);
      const locked = (await signInRequest(student.username, PASSWORD, "10.1.0.99")) as { message: string };
      expect(locked.message).toMatch(/Wait \d+ seconds/);
    } finally {
      registerDatabase(first);
      await second.close();
    }
  });
});

describe("teachers", () => {
  it("makes the first account of an empty server its admin, then requires an invitation", async () => {
    // this file's database already has schools from other tests: use an empty, migrated one
    const fresh = connect(connection().url.replace(/\/[^/]+$/, "/postgres"), { max: 1 });
    const name = `t_signup_${Date.now()}`;
    const original = connection();
    await fresh.sql.unsafe(`create database ${name}`);
    const isolated = connect(original.url.replace(/\/[^/]+$/, `/${name}`), { max: 3 });
    try {
      const { runMigrations } = await import("../../db/migrate");
      await runMigrations(isolated);
      registerDatabase(isolated);
      expect((await signupLoader({ request: new Request("http://localhost/signup"), params: {}, context: ctx() })).mode).toBe("first");
      const form = { schoolName: "Riverside School", displayName: "Ms Li", email: "li@riverside.example", password: "a-long-passphrase" };
      const res = (await signupAction({ request: await requestAs(null, "/signup", { form }), params: {}, context: ctx() })) as Response;
      expect(res.status).toBe(302);
      const [admin] = await db().select().from(users);
      expect(admin!.role).toBe("admin");
      expect((await signupLoader({ request: new Request("http://localhost/signup"), params: {}, context: ctx() })).mode).toBe("closed");
      const adminUser = { ...admin!, sessionId: "" };
      const { token } = await createInvitation(adminUser, null);
      const invited = { displayName: "Mr Wang", email: "wang@riverside.example", password: "another-passphrase" };
      const ok = (await signupAction({ request: await requestAs(null, `/signup?invite=${token}`, { form: invited }), params: {}, context: ctx() })) as Response;
      expect(ok.status).toBe(302);
      const again = await signupAction({
        request: await requestAs(null, `/signup?invite=${token}`, { form: { ...invited, email: "x@riverside.example" } }),
        params: {},
        context: ctx(),
      });
      expect(again).not.toBeInstanceOf(Response); // used invitations admit no one
      expect((await db().select().from(users)).filter((u) => u.role === "teacher")).toHaveLength(1);
    } finally {
      registerDatabase(original);
      await isolated.close();
      await fresh.sql.unsafe(`drop database if exists ${name} with (force)`);
      await fresh.close();
    }
  });
});

describe("classes and students", () => {
  it("issues join codes of 6 characters without look-alikes, unique across classes", async () => {
    const { admin } = await makeSchool();
    const codes = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const cls = await makeClass(admin);
      expect(cls.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      codes.add(cls.joinCode);
    }
    expect(codes.size).toBe(30);
    for (const ch of "01OIL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    // the database itself refuses a duplicate code
    const [a] = await db().select().from(classes).limit(1);
    await expect(
      db().insert(classes).values({ ...a!, id: undefined as never, joinCode: a!.joinCode }),
    ).rejects.toThrow();
  });

  it("adds 40 students in one request, with unique usernames and shown-once passwords", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const names = [...Array.from({ length: 20 }, (_, i) => `Student ${i % 5}`), ...Array.from({ length: 20 }, (_, i) => `王小明${i}`)];
    // repeated names ("Student 0" four times): the teacher confirmed adding them all
    const request = await requestAs(admin, `/teach/classes/${cls.id}/roster`, { form: { intent: "add", names: names.join("\n"), allowRepeats: "yes" } });
    const result = (await rosterAction({ request, params: { classId: cls.id }, context: ctx() })) as unknown as {
      data: { cards: { username: string; password: string }[] };
    };
    const cards = result.data.cards;
    expect(cards).toHaveLength(40);
    expect(cards.filter((c) => /^wangxiaoming\d*$/.test(c.username))).toHaveLength(20);
    expect(new Set(cards.map((c) => c.username)).size).toBe(40);
    expect(cards.every((c) => c.password.length >= 6)).toBe(true);
    const enrolled = await db().select().from(enrollments).where(eq(enrollments.classId, cls.id));
    expect(enrolled).toHaveLength(40);
    const stored = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.username, cards[0]!.username));
    expect(stored[0]!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // a student signs in with their card
    const res = (await signInRequest(cards[0]!.username, cards[0]!.password, "10.2.0.1")) as Response;
    expect(res.status).toBe(302);
  });

  it("names typed into the roster lose unseen controls (U+202E turned a name backwards on staff pages)", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const request = await requestAs(admin, `/teach/classes/${cls.id}/roster`, { form: { intent: "add", names: "Ada\u202Eecnarf\nBo\u200B Li" } });
    await rosterAction({ request, params: { classId: cls.id }, context: ctx() });
    const names = await db().select({ name: users.displayName }).from(enrollments).innerJoin(users, eq(users.id, enrollments.studentId)).where(eq(enrollments.classId, cls.id));
    expect(names.map((n) => n.name).sort()).toEqual(["Adaecnarf", "Bo Li"]);
  });

  it("lets a student join with the code, and writes nothing on invalid input", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const count = async () => (await db().select().from(users)).length;
    const before = await count();
    const bad = await joinAction({
      request: await requestAs(null, `/join/${cls.joinCode}`, { form: { displayName: "", username: "A", password: "123" } }),
      params: { code: cls.joinCode },
      context: ctx(),
    });
    // invalid input is a 400 with the field errors as catalog keys, like every form's
    expect(bad).toMatchObject({
      data: { errors: { displayName: "form.required", username: "auth.username.invalid", password: "auth.password.tooShort" } },
      init: { status: 400 },
    });
    expect(await count()).toBe(before);
    const ok = (await joinAction({
      request: await requestAs(null, `/join/${cls.joinCode.toLowerCase()}`, { form: { displayName: "Mei", username: "mei.l", password: "kite-river-7" } }),
      params: { code: cls.joinCode.toLowerCase() },
      context: ctx(),
    })) as Response;
    expect(ok.status).toBe(302);
    expect(await count()).toBe(before + 1);
  });
});

describe("writes that fail halfway", () => {
  it("still renders a page that only reads when the session's last-seen touch is refused", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const cookie = await cookieFor(student);
    // Old enough that this request wants to move last_seen_at on.
    await db().execute(sql`update sessions set last_seen_at = now() - interval '5 minutes' where user_id = ${student.id}`);
    const undo = await refuseWrites("sessions", "update", `new.user_id = '${student.id}'`);
    try {
      const page = await accountLoader({ request: new Request("http://localhost/account", { headers: { Cookie: cookie } }), params: {}, context: ctx() });
      expect(page).toMatchObject({ username: student.username, role: "student" });
    } finally {
      await undo();
    }
  });

  it("gives a student a new password and ends their sessions together, or does neither", async () => {
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const cls = await makeClass(teacher);
    const student = await makeStudentIn(cls.id);
    const cookie = await cookieFor(student);
    const undo = await refuseWrites("sessions", "delete", `old.user_id = '${student.id}'`);
    try {
      await expect(resetStudentPassword(teacher, cls.id, student.id)).rejects.toThrow();
    } finally {
      await undo();
    }
    const [row] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, student.id));
    expect(await verifyPassword(row!.hash, PASSWORD)).toBe(true);
    expect(await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))).not.toBeNull();
  });

  it("leaves an invitation usable when the account it was for could not be created", async () => {
    const { school } = await makeSchool();
    const admin = await makeUser(school.id, "admin");
    const { token } = await createInvitation(admin, null);
    const invitation = (await findOpenInvitation(token))!;
    const input = { schoolId: school.id, displayName: "Ms Ortiz", email: `ortiz-${Date.now()}@school.example`, password: "a-long-passphrase" };
    const undo = await refuseWrites("users", "insert", `new.email = '${input.email}'`);
    try {
      await expect(createTeacherIfNew(input, invitation.id)).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(await findOpenInvitation(token)).not.toBeNull();
    expect(await createTeacherIfNew(input, invitation.id)).toBe(true);
    expect(await findOpenInvitation(token)).toBeNull();
  });
});

// Found in an attack pass: a student could not see what Lantern keeps about them; only their
// teacher and the admin could download it.
describe("a student's own data", () => {
  it("downloads as JSON from the account page: their words and progress, not the school's safeguarding record, nobody else's", async () => {
    const { loader: exportLoader } = await import("../../app/routes/account.export[.json]");
    const { recordPrompt } = await import("../../app/models/playground.server");
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const cls = await makeClass(teacher);
    const student = await makeStudentIn(cls.id, { displayName: "Lena" });
    const other = await makeStudentIn(cls.id, { displayName: "Omar" });
    const base = { conversationId: null, classId: cls.id, model: "mini", systemPrompt: null, status: "complete" as const };
    await recordPrompt(student, { ...base, text: "how do tokens work", flags: [] });
    await recordPrompt(student, { ...base, text: "i want to die", flags: ["crisis_suicide"], crisis: [{ category: "suicide", rule: "en.suicide.want-to-die", text: "want to die" }] });
    await recordPrompt(other, { ...base, text: "omar's secret question", flags: [] });

    const page = await accountLoader({ request: await requestAs(student, "/account"), params: {}, context: ctx() });
    expect(page.role).toBe("student");
    const response = await exportLoader({ request: await requestAs(student, "/account/export.json"), params: {}, context: ctx() });
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="lantern-${student.username}.json"`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    const data = JSON.parse(text) as { student: { displayName: string }; playground: { messages: { text: string }[] } };
    expect(data.student.displayName).toBe("Lena");
    expect(data.playground.messages.map((m) => m.text).sort()).toEqual(["how do tokens work", "i want to die"]);
    expect(text).not.toMatch(/omar|"flags"|"severity"|"flagStatus"|"crisis"|crisisAt|crisis_suicide/i);

    // staff have no such download: their data is not a student's
    const refused = await exportLoader({ request: await requestAs(teacher, "/account/export.json"), params: {}, context: ctx() }).catch((r: unknown) => r);
    expect((refused as Response).status).toBe(404);
  });
});
