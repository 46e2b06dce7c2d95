/**
 * The first start (decision 008): the demo school's password is printed in the README, so an
 * account still using it signs in only from this computer; staff see a banner while the demo
 * data exists; the admin removes exactly the demo data in one go. The same rule over a real
 * network connection: tests/e2e/demo-lock.test.ts.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { classes, users } from "../../db/schema";
import { connection, db } from "../../app/utils/db.server";
import { DEMO, seedDemoOnce } from "../../server/demo/seed";
import { changePassword } from "../../app/models/users.server";
import { isLoopbackAddress } from "../../app/utils/loopback";
import { passwordProblem } from "../../app/utils/password.server";
import { asSessionUser, makeClass, makeStudentIn, requestAs } from "../factories";
import type { SessionUser } from "../../app/utils/session.server";

const LAN = "192.0.2.2";
let admin: SessionUser;

beforeAll(async () => {
  expect(await seedDemoOnce(connection())).toBe("seeded");
  const [row] = await db().select().from(users).where(eq(users.username, DEMO.teacherEmail));
  admin = asSessionUser(row!);
});

async function signInFrom(clientAddress: string, login: string, password: string, host = "localhost") {
  const { action } = await import("../../app/routes/signin");
  const asked = await requestAs(null, "/signin", { form: { login, password }, headers: { "Accept-Language": "zh-CN" } });
  const request = new Request(asked.url.replace("//localhost", `//${host}`), asked);
  try {
    return await action({ request, params: {}, context: { nonce: "n", clientAddress } } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const signedIn = (result: unknown) => result instanceof Response && result.status === 302 && result.headers.has("Set-Cookie");
const messageOf = (result: unknown) => (result as { message: string | null }).message;

describe("loopback addresses", () => {
  it("knows this computer from others", () => {
    for (const here of ["127.0.0.1", "127.5.6.7", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(here), here).toBe(true);
    for (const there of [LAN, "::ffff:192.0.2.2", "10.0.0.1", "fd00::2", "unknown", "", "1127.0.0.1", "127.0.0.1.evil"]) {
      expect(isLoopbackAddress(there), there).toBe(false);
    }
  });
});

describe("the demo accounts and the published password", () => {
  it("sign in from this computer with the README's password", async () => {
    expect(signedIn(await signInFrom("127.0.0.1", DEMO.teacherEmail, DEMO.password))).toBe(true);
    expect(signedIn(await signInFrom("::1", DEMO.students[0], DEMO.password))).toBe(true);
    expect(signedIn(await signInFrom("127.0.0.1", DEMO.students[3], DEMO.password, "127.0.0.1:3000"))).toBe(true);
    expect(signedIn(await signInFrom("::1", DEMO.students[3], DEMO.password, "[::1]:3000"))).toBe(true);
  });

  // Found in an attack pass: a web page open on this computer, on a site whose name is re-pointed
  // to 127.0.0.1 (DNS rebinding), posted the README's password from loopback and signed in as the
  // demo admin. Its requests carry its own name as the Host.
  it("are refused from this computer when the page asked for another site's name", async () => {
    for (const host of ["rebind.attacker.example:3000", "localhost.attacker.example", "127.0.0.1.nip.io"]) {
      const result = await signInFrom("127.0.0.1", DEMO.teacherEmail, DEMO.password, host);
      expect(signedIn(result), host).toBe(false);
      expect(messageOf(result), host).toContain("README");
    }
  });

  it("are refused from another address, saying why and what to do, in the user's language", async () => {
    const staff = await signInFrom(LAN, DEMO.teacherEmail, DEMO.password);
    expect(signedIn(staff)).toBe(false);
    expect(messageOf(staff)).toContain("README");
    expect(messageOf(staff)).toContain("账户");
    const student = await signInFrom(`::ffff:${LAN}`, DEMO.students[1], DEMO.password);
    expect(signedIn(student)).toBe(false);
    expect(messageOf(student)).toContain("请老师给你一个新密码");
  });

  it("sign in from anywhere once the password is their own (and the old one stays refused)", async () => {
    const fresh = "river-lantern-harbour-42";
    expect(await changePassword(admin, DEMO.password, fresh, "127.0.0.1")).toEqual({ ok: true });
    expect(signedIn(await signInFrom(LAN, DEMO.teacherEmail, fresh))).toBe(true);
    expect(signedIn(await signInFrom(LAN, DEMO.teacherEmail, DEMO.password))).toBe(false);
    // the demo students still have the published password
    expect(signedIn(await signInFrom(LAN, DEMO.students[2], DEMO.password))).toBe(false);
  });

  it("cannot be chosen as anyone's new password", () => {
    for (const role of ["student", "teacher", "admin"] as const) expect(passwordProblem(DEMO.password, role), role).toBe("too_common");
  });
});

describe("demo data", () => {
  async function rootBanner(user: SessionUser, path: string) {
    const { loader } = await import("../../app/root");
    const result = (await loader({ request: await requestAs(user, path), params: {}, context: {} } as never)) as { data: { demoBanner: string | null } };
    return result.data.demoBanner;
  }

  it("shows staff a banner while it exists, and the admin removes only it, in one go", async () => {
    const demoClassIds = (await db().select({ id: classes.id }).from(classes)).map((c) => c.id);
    const keptClass = await makeClass(admin, "Real class");
    const keptStudent = await makeStudentIn(keptClass.id);
    // a real student who also joined the demo class stays, and so do their chats
    const { enroll } = await import("../factories");
    await enroll(demoClassIds[0]!, keptStudent);

    expect(await rootBanner(admin, "/teach")).toBe("admin");
    expect(await rootBanner(keptStudent, "/learn")).toBeNull();

    const { action } = await import("../../app/routes/admin.settings");
    const refused = (await action({
      request: await requestAs(admin, "/admin/settings", { form: { intent: "remove-demo" } }),
      params: {},
      context: {},
    } as never)) as { init: { status: number } };
    expect(refused.init.status).toBe(400);
    expect(await studentCount()).toBe(DEMO.students.length + 1);

    const done = (await action({
      request: await requestAs(admin, "/admin/settings", { form: { intent: "remove-demo", confirm: "yes" } }),
      params: {},
      context: {},
    } as never)) as { data: { demoRemoved: { students: number; classes: number } } };
    expect(done.data.demoRemoved).toEqual({ students: DEMO.students.length, classes: 1 });

    expect(await studentCount()).toBe(1);
    const left = await db().execute<{ username: string }>(sql`select username from users order by username`);
    expect(left.map((r) => r.username).sort()).toEqual([DEMO.teacherEmail, keptStudent.username].sort());
    expect((await db().select({ id: classes.id }).from(classes)).map((c) => c.id)).toEqual([keptClass.id]);
    const [demoLeft] = await db().execute<{ n: number }>(
      sql`select (select count(*) from lesson_progress)::int + (select count(*) from playground_messages)::int as n`,
    );
    expect(demoLeft!.n).toBe(0);
    expect(await rootBanner(admin, "/teach")).toBeNull();
  });
});

async function studentCount() {
  const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from users where role = 'student'`);
  return row!.n;
}
