/**
 * Throttles that hold under concurrency without locking anyone out (issue 12, item 2): password
 * checks are counted in PostgreSQL before they run, a victim still gets in from another address
 * after an attacker's burst, and join codes and self-registration are slowed per address.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { action as signinAction } from "../../app/routes/signin";
import { action as accountAction } from "../../app/routes/account";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { action as joinAction, loader as joinLoader } from "../../app/routes/join.$code";
import { action as signupAction } from "../../app/routes/signup";
import { db } from "../../app/utils/db.server";
import { createInvitation } from "../../app/models/invitations.server";
import { cookieFor, makeClass, makeSchool, makeStudentIn, makeUser, PASSWORD, requestAs } from "../factories";

/** Every argon2 verification the app runs, counted around the real function. */
const verified = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../app/utils/password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../app/utils/password.server")>();
  return {
    ...real,
    verifyPassword: (stored: string, password: string) => {
      verified.count++;
      return real.verifyPassword(stored, password);
    },
    verifyNothing: (password: string) => {
      verified.count++;
      return real.verifyNothing(password);
    },
  };
});

const ctx = (address: string) => ({ nonce: "n", clientAddress: address });

async function signIn(login: string, password: string, address: string) {
  const request = await requestAs(null, "/signin", { form: { login, password } });
  return signinAction({ request, params: {}, context: ctx(address) });
}

/** A loader's or action's answer: a Response, data(…, { status }), or a plain object. */
const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : ((result as { init?: { status?: number } | null }).init?.status ?? 200);
const signedIn = (result: unknown) => statusOf(result) === 302;
const messageOf = (result: unknown) => {
  const r = result as { data?: { message?: string | null }; message?: string | null };
  return (r.data && "message" in r.data ? r.data.message : r.message) ?? "";
};

describe("sign-in throttling", () => {
  it("verifies at most 5 of 100 simultaneous wrong passwords, and refuses the right one inside the burst", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    verified.count = 0;
    const burst = Array.from({ length: 101 }, (_, i) =>
      signIn(student.username, i === 50 ? PASSWORD : `wrong-guess-${i}`, "10.6.0.1"),
    );
    const results = await Promise.all(burst);
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(signedIn(results[50])).toBe(false);
    expect(results.filter(signedIn)).toHaveLength(0);
    const refused = results.filter((r) => /Too many tries\. Wait \d+ seconds and try again\./.test(messageOf(r)));
    expect(refused.length).toBeGreaterThanOrEqual(96);
    const rows = await db().execute<{ attempts: number }>(
      sql`select attempts from throttles where key = ${`signin-device:${student.username} 10.6.0.1`}`,
    );
    expect(rows[0]!.attempts).toBe(5);
  });

  it("lets the victim sign in from another address right after an attacker's burst", async () => {
    const { school } = await makeSchool();
    const victim = await makeUser(school.id, "student");
    await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(victim.username, `guess-${i}`, "10.6.1.1")));
    expect(signedIn(await signIn(victim.username, PASSWORD, "10.6.2.2"))).toBe(true);
    // the attacker's own address is still waiting, even with the right password
    expect(messageOf(await signIn(victim.username, PASSWORD, "10.6.1.1"))).toMatch(/Wait \d+ seconds/);
  });

  it("slows guessing from many addresses with a short per-account wait the owner can sit out", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    for (let i = 0; i < 10; i++) await signIn(student.username, "wrong-password", `10.6.3.${i}`);
    const refused = await signIn(student.username, PASSWORD, "10.6.4.1");
    const wait = Number(/Wait (\d+) seconds/.exec(messageOf(refused))?.[1]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // once the wait is over (moved into the past here), the owner gets in
    await db().execute(sql`update throttles set next_at = now() - interval '1 second'`);
    expect(signedIn(await signIn(student.username, PASSWORD, "10.6.4.1"))).toBe(true);
  });

  it("answers in the user's language with the wait", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    for (let i = 0; i < 5; i++) await signIn(student.username, "wrong-password", "10.6.5.1");
    const request = await requestAs(null, "/signin", {
      form: { login: student.username, password: PASSWORD },
      headers: { "Accept-Language": "zh-CN" },
    });
    const result = await signinAction({ request, params: {}, context: ctx("10.6.5.1") });
    expect(messageOf(result)).toMatch(/尝试次数太多了。请等 \d+ 秒再试。/);
  });

  it("clears a student's throttle when their teacher resets the password", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await makeStudentIn(cls.id);
    for (let i = 0; i < 5; i++) await signIn(student.username, "wrong-password", "10.6.6.1");
    expect(signedIn(await signIn(student.username, PASSWORD, "10.6.6.1"))).toBe(false);
    const request = await requestAs(admin, `/teach/classes/${cls.id}/roster`, { form: { intent: "reset", studentId: student.id } });
    const reset = (await rosterAction({ request, params: { classId: cls.id }, context: ctx("10.0.0.9") })) as unknown as {
      data: { cards: { password: string }[] };
    };
    const password = reset.data.cards[0]!.password;
    expect(signedIn(await signIn(student.username, password, "10.6.6.1"))).toBe(true);
  });

  it("throttles the current-password check on the account page", async () => {
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const cookie = await cookieFor(teacher);
    verified.count = 0;
    const attempt = (current: string) =>
      accountAction({
        request: new Request("http://localhost/account", {
          method: "POST",
          body: new URLSearchParams({ intent: "password", current, next: "a-brand-new-passphrase" }),
          headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        }),
        params: {},
        context: ctx("10.6.7.1"),
      });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(`wrong-${i}`)));
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(results.filter((r) => statusOf(r) === 429).length).toBeGreaterThanOrEqual(25);
    const right = await attempt(PASSWORD);
    expect(statusOf(right)).toBe(429);
    expect(messageOf(right)).toMatch(/Too many tries\. Wait \d+ seconds/);
  });
});

describe("join codes and self-registration", () => {
  it("slows guessing of join codes from one address, without slowing another address", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const guess = (code: string, address: string) =>
      joinLoader({ request: new Request(`http://localhost/join/${code}`), params: { code }, context: ctx(address) });
    const wrong = await Promise.all(
      Array.from({ length: 60 }, (_, i) => guess(`ZZ${String(1000 + i).slice(-4).replace(/[01]/g, "Z")}`, "10.7.0.1").catch((e) => e)),
    );
    const throttled = (r: unknown) => statusOf(r) === 429;
    expect(wrong.filter(throttled).length).toBeGreaterThanOrEqual(25);
    // while waiting, even the right code is not looked up from that address
    expect(throttled(await guess(cls.joinCode, "10.7.0.1").catch((e) => e))).toBe(true);
    const elsewhere = (await guess(cls.joinCode, "10.7.0.2")) as { cls: { name: string } | null };
    expect(elsewhere.cls?.name).toBe(cls.name);
  });

  it("slows self-registration from one address: a class of 40 joins, a flood does not", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const join = (i: number, address: string) =>
      joinAction({
        request: new Request(`http://localhost/join/${cls.joinCode}`, {
          method: "POST",
          body: new URLSearchParams({ displayName: `Kid ${i}`, username: `kid-${i}-${cls.joinCode.toLowerCase()}`, password: "kite-river-7" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        }),
        params: { code: cls.joinCode },
        context: ctx(address),
      }).catch((e: unknown) => e);
    // a class joining together (ten at a time) and then a flood, all from one school address
    const results: unknown[] = [];
    for (let batch = 0; batch < 7; batch++) {
      results.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => join(batch * 10 + i, "10.8.0.1")))));
    }
    expect(results.slice(0, 40).every(signedIn)).toBe(true);
    expect(results.filter(signedIn)).toHaveLength(50);
    expect(results.filter((r) => statusOf(r) === 429)).toHaveLength(20);
    expect(messageOf(results[69])).toMatch(/Too many tries\. Wait \d+ seconds and try again\./);
    // teacher sign-up from the same address waits too
    const { token } = await createInvitation(admin, null);
    const signup = await signupAction({
      request: await requestAs(null, `/signup?invite=${token}`, {
        form: { displayName: "Mr Wang", email: `wang-${cls.joinCode}@riverside.example`, password: "another-passphrase" },
      }),
      params: {},
      context: ctx("10.8.0.1"),
    }).catch((e: unknown) => e);
    expect(messageOf(signup)).toMatch(/Too many tries\. Wait \d+ (seconds|minutes)/);
    // another address is not affected
    expect(signedIn(await join(99, "10.8.0.2"))).toBe(true);
  });
});
