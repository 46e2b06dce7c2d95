/**
 * Issue 12, items 8 and 9: guessable passwords are refused on every path that sets one, a
 * "shared computer" session ends with the browser and after a short idle time, and joining a
 * class or signing up as a teacher reveals no one's username or e-mail address.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as signinAction } from "../../app/routes/signin";
import { action as accountAction } from "../../app/routes/account";
import { action as joinAction } from "../../app/routes/join.$code";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { action as signupAction } from "../../app/routes/signup";
import { action as teachersAction } from "../../app/routes/admin.teachers";
import type { ActionFunctionArgs } from "@remix-run/node";
import type { SessionUser } from "../../app/utils/auth.server";
import { en } from "../../app/i18n/catalog/en";
import { zhHans } from "../../app/i18n/catalog/zh-Hans";
import { createInvitation } from "../../app/models/invitations.server";
import { createSchoolWithAdmin } from "../../app/models/schools.server";
import { joinWithCode } from "../../app/models/students.server";
import { createTeacherIfNew } from "../../app/models/users.server";
import { db, transaction } from "../../app/utils/db.server";
import { hashPassword, passwordProblem, withSlot, type HashPriority } from "../../app/utils/password.server";
import { getSessionUser, SHARED_IDLE_MINUTES } from "../../app/utils/session.server";
import { sessions, users } from "../../db/schema";
import { cookieFor, makeClass, makeSchool, makeStudentIn, makeUser, PASSWORD, requestAs } from "../factories";

const ctx = (address = "10.9.0.1") => ({ nonce: "n", clientAddress: address });
const TRIVIAL = ["zzzzzzzz", "12121212", "abcabcabc", "abcdefgh", "87654321", "asdfghjk", "ZZZZZZZZ"];
const COMMON = ["password", "12345678", "iloveyou"];

function errorsOf(result: unknown): Record<string, string> {
  const r = result as { errors?: Record<string, string>; data?: { errors?: Record<string, string> } };
  return r.data?.errors ?? r.errors ?? {};
}

describe("guessable passwords", () => {
  it("are recognised: repeated chunks, runs and keyboard rows, but not real passphrases", () => {
    for (const p of [...TRIVIAL, "zzzzzz", "121212", "abcabc", "123456", "qwerty"]) {
      expect(passwordProblem(p, "student"), p).not.toBeNull();
    }
    for (const p of ["kite-river-7", "correct-horse-battery", "lantern-lamp-7", "Zoë-likes-42-maps"]) {
      expect(passwordProblem(p, "teacher"), p).toBeNull();
    }
    expect(en["auth.password.tooSimple"]).toMatch(/too easy to guess/);
    expect(zhHans["auth.password.tooSimple"]).toMatch(/太容易猜到/);
  });

  it("are refused when a student joins a class", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    for (const password of [...TRIVIAL, ...COMMON]) {
      const result = await joinAction({
        request: await requestAs(null, `/join/${cls.joinCode}`, { form: { displayName: "Mei", username: "mei-weak", password } }),
        params: { code: cls.joinCode },
        context: ctx(),
      });
      expect(errorsOf(result).password, password).toMatch(/^auth\.password\.too(Simple|Common)$/);
    }
    expect(await db().select().from(users).where(eq(users.username, "mei-weak"))).toHaveLength(0);
  });

  it("are refused when a teacher signs up", async () => {
    const { admin } = await makeSchool();
    for (const password of [...TRIVIAL, ...COMMON]) {
      const { token } = await createInvitation(admin, null);
      const result = await signupAction({
        request: await requestAs(null, `/signup?invite=${token}`, { form: { displayName: "Ms Weak", email: "weak@school.example", password } }),
        params: {},
        context: ctx(),
      });
      expect(errorsOf(result).password, password).toMatch(/^auth\.password\.too(Simple|Common)$/);
    }
  });

  it("are refused when a password is changed on the account page", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const cookie = await cookieFor(student);
    for (const next of [...TRIVIAL, ...COMMON]) {
      const result = await accountAction({
        request: new Request("http://localhost/account", {
          method: "POST",
          body: new URLSearchParams({ intent: "password", current: PASSWORD, next }),
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        }),
        params: {},
        context: ctx(),
      });
      expect(errorsOf(result).next, next).toMatch(/^auth\.password\.too(Simple|Common)$/);
    }
  });

  it("cannot be stored by any model, and are never what a teacher hands out", async () => {
    const { admin, school } = await makeSchool();
    const cls = await makeClass(admin);
    await expect(createTeacherIfNew({ schoolId: school.id, displayName: "X", email: "x-weak@school.example", password: "zzzzzzzz" })).rejects.toThrow(/refused/);
    await expect(
      joinWithCode({ classId: cls.id, schoolId: school.id, displayName: "X", username: "x-weak", password: "121212", locale: null }),
    ).rejects.toThrow(/refused/);
    await expect(
      createSchoolWithAdmin({ schoolName: "S", displayName: "A", email: "a-weak@school.example", password: "password" }),
    ).rejects.toThrow(/refused/);
    // students added or reset by their teacher get generated passwords that always pass
    const names = Array.from({ length: 40 }, (_, i) => `Kid ${i}`).join("\n");
    const added = (await rosterAction({
      request: await requestAs(admin, `/teach/classes/${cls.id}/roster`, { form: { intent: "add", names } }),
      params: { classId: cls.id },
      context: ctx(),
    })) as unknown as { data: { cards: { id: string; password: string }[] } };
    const reset = (await rosterAction({
      request: await requestAs(admin, `/teach/classes/${cls.id}/roster`, { form: { intent: "reset", studentId: added.data.cards[0]!.id } }),
      params: { classId: cls.id },
      context: ctx(),
    })) as unknown as { data: { cards: { password: string }[] } };
    for (const card of [...added.data.cards, ...reset.data.cards]) expect(passwordProblem(card.password, "student")).toBeNull();
  });
});

describe("a session cookie from before the cookie helpers", () => {
  it("still signs its owner in (the bare token), and nothing else does", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const current = await cookieFor(student); // lantern_session=<encoded token>
    const { sessionTokenOf } = await import("../../app/utils/session-cookie.server");
    const token = (await sessionTokenOf(new Request("http://localhost/", { headers: { Cookie: current } })))!;
    const visit = (cookie: string) => getSessionUser(new Request("http://localhost/learn", { headers: { Cookie: cookie } }));
    expect((await visit(`lantern_session=${token}`))?.id).toBe(student.id);
    expect(await visit(`lantern_session=${token.slice(0, -1)}x`)).toBeNull();
    expect(await visit(`lantern_session=${"A".repeat(43)}`)).toBeNull();
  });
});

describe("a shared computer", () => {
  async function signIn(user: { username: string }, shared: boolean) {
    const form: Record<string, string> = { login: user.username, password: PASSWORD };
    if (shared) form.shared = "yes";
    return (await signinAction({ request: await requestAs(null, "/signin", { form }), params: {}, context: ctx() })) as Response;
  }
  const asCookie = (res: Response) => res.headers.get("Set-Cookie")!.split(";")[0]!;
  const visit = (cookie: string) => getSessionUser(new Request("http://localhost/learn", { headers: { Cookie: cookie } }));

  it("gets a cookie that ends with the browser (no Max-Age) and a session that ends after 15 idle minutes", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const shared = await signIn(student, true);
    expect(shared.status).toBe(302);
    expect(shared.headers.get("Set-Cookie")).not.toMatch(/Max-Age|Expires/i);
    const own = await signIn(student, false);
    expect(own.headers.get("Set-Cookie")).toMatch(/Max-Age=\d+/);
    const sharedCookie = asCookie(shared);
    const ownCookie = asCookie(own);
    expect(await visit(sharedCookie)).not.toBeNull();
    // used within the idle time: still signed in
    await db().update(sessions).set({ lastSeenAt: sql`now() - interval '14 minutes'` }).where(eq(sessions.userId, student.id));
    expect(await visit(sharedCookie)).not.toBeNull();

    // 16 minutes without a request: the shared session has ended, the one on a personal device has not
    await db().update(sessions).set({ lastSeenAt: sql`now() - interval '16 minutes'` }).where(eq(sessions.userId, student.id));
    expect(SHARED_IDLE_MINUTES).toBe(15);
    expect(await visit(sharedCookie)).toBeNull();
    expect(await visit(ownCookie)).not.toBeNull();
  });

  it("is offered when a student joins with a class code too (a join signed the pupil in for days)", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const join = async (username: string, shared: boolean) => {
      const form: Record<string, string> = { displayName: "Sam", username, password: "kite-river-7" };
      if (shared) form.shared = "yes";
      return (await joinAction({ request: await requestAs(null, `/join/${cls.joinCode}`, { form }), params: { code: cls.joinCode }, context: ctx() })) as Response;
    };
    const suffix = cls.joinCode.toLowerCase();
    const shared = await join(`shared-${suffix}`, true);
    expect(shared.status).toBe(302);
    expect(shared.headers.get("Set-Cookie")).not.toMatch(/Max-Age|Expires/i);
    const own = await join(`own-${suffix}`, false);
    expect(own.headers.get("Set-Cookie")).toMatch(/Max-Age=\d+/);
    const idle = async (username: string) =>
      (await db().select({ idleMinutes: sessions.idleMinutes }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.username, username)))[0]?.idleMinutes;
    expect(await idle(`shared-${suffix}`)).toBe(SHARED_IDLE_MINUTES);
    expect(await idle(`own-${suffix}`)).toBeNull();
    // a forged value is an unticked box, not a join refused with no message on the page
    const forged = (await joinAction({
      request: await requestAs(null, `/join/${cls.joinCode}`, { form: { displayName: "Sam", username: `odd-${suffix}`, password: "kite-river-7", shared: "maybe" } }),
      params: { code: cls.joinCode },
      context: ctx(),
    })) as Response;
    expect(forged.status).toBe(302);
    expect(await idle(`odd-${suffix}`)).toBeNull();
  });
});

describe("no enumeration", () => {
  it("gives the same answer to a join with a username taken in another school and with a new one", async () => {
    const other = await makeSchool();
    const existing = await makeUser(other.school.id, "student");
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const join = async (username: string) => {
      const res = (await joinAction({
        request: await requestAs(null, `/join/${cls.joinCode}`, { form: { displayName: "Sam", username, password: "kite-river-7" } }),
        params: { code: cls.joinCode },
        context: ctx("10.9.1.1"),
      })) as Response;
      return { status: res.status, location: res.headers.get("Location"), cookie: res.headers.get("Set-Cookie")?.replace(/=[^;]+/, "=…") };
    };
    const taken = await join(existing.username);
    const fresh = await join(`fresh-${cls.joinCode.toLowerCase()}`);
    expect(taken).toEqual(fresh);
    expect(taken.status).toBe(302);
    // the newcomer got the name with a number added; the other school's student is untouched
    const [joined] = await db().select().from(users).where(eq(users.username, `${existing.username}2`));
    expect(joined?.schoolId).toBe(cls.schoolId);
  });

  it("gives the same answer to a teacher sign-up with a registered e-mail address and a new one", async () => {
    const other = await makeSchool();
    const registered = await makeUser(other.school.id, "teacher");
    const { admin } = await makeSchool();
    const signUp = async (email: string) => {
      const { token } = await createInvitation(admin, null);
      const res = (await signupAction({
        request: await requestAs(null, `/signup?invite=${token}`, { form: { displayName: "Ms Li", email, password: "a-long-passphrase" } }),
        params: {},
        context: ctx("10.9.2.1"),
      })) as Response;
      return { status: res.status, location: res.headers.get("Location"), cookie: res.headers.get("Set-Cookie") };
    };
    const taken = await signUp(registered.username);
    const fresh = await signUp("li-new@riverside.example");
    expect(taken).toEqual(fresh);
    expect(taken).toEqual({ status: 302, location: "/signin?created=1", cookie: null });
    // nothing changed for the registered teacher: the old password still works, in the old school
    const [row] = await db().select().from(users).where(eq(users.username, registered.username));
    expect(row!.schoolId).toBe(other.school.id);
    const signIn = (await signinAction({
      request: await requestAs(null, "/signin", { form: { login: registered.username, password: PASSWORD } }),
      params: {},
      context: ctx("10.9.2.2"),
    })) as Response;
    expect(signIn.status).toBe(302);
  });

  it("makes a username taken in the same class's school no different", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const classmate = await makeStudentIn(cls.id);
    const res = (await joinAction({
      request: await requestAs(null, `/join/${cls.joinCode}`, { form: { displayName: "Sam", username: classmate.username, password: "kite-river-7" } }),
      params: { code: cls.joinCode },
      context: ctx("10.9.3.1"),
    })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/learn?welcome=1");
  });
});

describe("password hashing and transactions", () => {
  // A 600-student import hashed its first passwords inside its transaction: ~40 ms each, so the
  // database dropped the transaction left idle for 10 s and the whole import failed.
  it("refuses to hash inside a transaction, so no slow hashing can hold one open", async () => {
    await expect(transaction(() => hashPassword("green-lamp-river-7"))).rejects.toThrow(/inside a transaction/);
    await expect(hashPassword("green-lamp-river-7")).resolves.toMatch(/^\$argon2id\$/);
  });

  it("lets a sign-in's check jump the queue of an import's hashes", async () => {
    // Slots held by hand, so the order is the queue's, not the machine's timing.
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const job = (name: string, priority: HashPriority) =>
      withSlot(() => {
        started.push(name);
        return new Promise<void>((resolve) => release.set(name, resolve));
      }, priority);
    const jobs = [job("bulk 1", "bulk"), job("bulk 2", "bulk"), job("bulk 3", "bulk"), job("bulk 4", "bulk")];
    await Promise.resolve();
    jobs.push(job("sign-in", "now"));
    expect(started).toEqual(["bulk 1", "bulk 2"]); // two slots, both taken
    release.get("bulk 1")!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(["bulk 1", "bulk 2", "sign-in"]); // ahead of bulk 3 and 4, which came first
    for (const name of ["bulk 2", "sign-in"]) release.get(name)!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const name of ["bulk 3", "bulk 4"]) release.get(name)!();
    await Promise.all(jobs);
    expect(started).toEqual(["bulk 1", "bulk 2", "sign-in", "bulk 3", "bulk 4"]);
  });
});

// Found in a teacher's walk: a teacher who forgot their password had nowhere to go (no e-mail
// reset, and nobody could set one). The school's admin now gives them a temporary one.
describe("a teacher's forgotten password", () => {
  const reset = async (admin: SessionUser, teacherId: string) =>
    teachersAction({ request: await requestAs(admin, "/admin/teachers", { form: { intent: "reset", teacherId } }), params: {}, context: ctx() } as unknown as ActionFunctionArgs).catch(
      (thrown: unknown) => thrown,
    );

  it("gets a new one from the school's admin: the old one and every session end, the new one signs in and is not guessable", async () => {
    const { school, admin } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher", { displayName: "Ms Chen" });
    const oldCookie = await cookieFor(teacher);
    const result = (await reset(admin, teacher.id)) as { data: { reset: { name: string; password: string } } };
    const { name, password } = result.data.reset;
    expect(name).toBe("Ms Chen");
    expect(passwordProblem(password, "teacher")).toBeNull();
    expect(await getSessionUser(new Request("http://localhost/", { headers: { Cookie: oldCookie } }))).toBeNull();
    const signedIn = (await signinAction({
      request: new Request("http://localhost/signin", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" }, body: new URLSearchParams({ login: teacher.username, password }) }),
      params: {},
      context: ctx("10.9.0.77"),
    } as unknown as ActionFunctionArgs).catch((r: unknown) => r)) as Response;
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Set-Cookie")).toBeTruthy();
    // two resets never give the same password
    const again = (await reset(admin, teacher.id)) as { data: { reset: { password: string } } };
    expect(again.data.reset.password).not.toBe(password);
  });

  it("is not the admin's own (they change it under Account), nor a student's, nor another school's teacher's: 404, nothing written", async () => {
    const { school, admin } = await makeSchool();
    const other = await makeSchool();
    const student = await makeUser(school.id, "student");
    const elsewhere = await makeUser(other.school.id, "teacher");
    for (const target of [admin.id, student.id, elsewhere.id]) {
      const [before] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, target));
      const result = (await reset(admin, target)) as Response;
      expect(result.status).toBe(404);
      const [after] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, target));
      expect(after!.hash).toBe(before!.hash);
    }
    // a forged or mangled id is refused as bad input (the page says to reload), not a 500
    const mangled = (await reset(admin, "not-a-uuid")) as { init: { status: number }; data: { errors: Record<string, string> } };
    expect(mangled.init.status).toBe(400);
    expect(mangled.data.errors.teacherId).toBeTruthy();
  });
});
