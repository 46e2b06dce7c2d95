/**
 * Issue 12, item 10: the daily purge deletes what sign-in and sign-up leave in side tables —
 * throttle rows (usernames, addresses) a day after their last attempt, ended sessions, and
 * invitations 30 days after they were used or expired — and keeps everything still in use.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { action as signinAction } from "../../app/routes/signin";
import { createInvitation } from "../../app/models/invitations.server";
import { db } from "../../app/utils/db.server";
import { requestLog } from "../../server/request-guards";
import { runHousekeeping } from "../../server/housekeeping";
import { invitations, sessions, throttles } from "../../db/schema";
import { cookieFor, makeSchool, makeUser, requestAs } from "../factories";

const keys = async () => (await db().select({ key: throttles.key }).from(throttles)).map((r) => r.key);

describe("the daily purge", () => {
  it("deletes throttle rows a day after their last attempt, and keeps recent ones", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const signIn = async (address: string) =>
      signinAction({
        request: await requestAs(null, "/signin", { form: { login: student.username, password: "wrong-password" } }),
        params: {},
        context: { nonce: "n", clientAddress: address },
      });
    await signIn("10.10.0.1");
    await db().update(throttles).set({ updatedAt: sql`now() - interval '25 hours'` });
    await signIn("10.10.0.2"); // touches the account's row again: it stays
    const before = await keys();
    expect(before).toEqual(expect.arrayContaining([`signin-device:${student.username} 10.10.0.1`, "signin-address:10.10.0.1"]));

    const lines: string[] = [];
    await runHousekeeping((line) => lines.push(line));
    const after = await keys();
    expect(after).not.toContain(`signin-device:${student.username} 10.10.0.1`);
    expect(after).not.toContain("signin-address:10.10.0.1");
    expect(after).toEqual(
      expect.arrayContaining([`signin-account:${student.username}`, `signin-device:${student.username} 10.10.0.2`, "signin-address:10.10.0.2"]),
    );
    expect(lines.join("\n")).toMatch(/deleted 2 throttle rows/);
  });

  it("deletes ended sessions (expired, or idle past their own timeout) and keeps live ones", async () => {
    const { school } = await makeSchool();
    const user = await makeUser(school.id, "student");
    for (let i = 0; i < 4; i++) await cookieFor(user);
    const rows = await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    const [expired, idle, sharedIdle, live] = rows.map((r) => r.id) as [string, string, string, string];
    await db().update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.id, expired));
    await db().update(sessions).set({ lastSeenAt: sql`now() - interval '5 hours'` }).where(eq(sessions.id, idle));
    await db().update(sessions).set({ idleMinutes: 15, lastSeenAt: sql`now() - interval '20 minutes'` }).where(eq(sessions.id, sharedIdle));
    await runHousekeeping(() => {});
    const left = (await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id))).map((r) => r.id);
    expect(left).toEqual([live]);
  });

  it("deletes invitations 30 days after they were used or expired", async () => {
    const { admin } = await makeSchool();
    const old = await createInvitation(admin, "Mr Wang, maths");
    const recent = await createInvitation(admin, "Ms Li");
    await db().update(invitations).set({ usedAt: sql`now() - interval '31 days'` }).where(eq(invitations.note, "Mr Wang, maths"));
    await runHousekeeping(() => {});
    const notes = (await db().select({ note: invitations.note }).from(invitations)).map((r) => r.note);
    expect(notes).not.toContain("Mr Wang, maths");
    expect(notes).toContain("Ms Li");
    expect(old.token).not.toBe(recent.token);
  });
});

describe("logs", () => {
  it("write no join codes into the request log", () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    let finish = () => {};
    const res = { statusCode: 200, on: (_: string, f: () => void) => (finish = f) };
    requestLog({ method: "GET", path: "/join/K7M2QP" } as never, res as never, () => {});
    finish();
    spy.mockRestore();
    expect(printed[0]).toMatch(/^GET \/join\/… 200 /);
    expect(printed.join()).not.toContain("K7M2QP");
  });

  it("write a hostile path of 14 KB as one short line", () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    let finish = () => {};
    const res = { statusCode: 404, on: (_: string, f: () => void) => (finish = f) };
    requestLog({ method: "GET", path: "/a".repeat(7_000) } as never, res as never, () => {});
    finish();
    spy.mockRestore();
    expect(printed[0]!.length).toBeLessThan(300);
    expect(printed[0]).toMatch(/^GET (\/a){100}… \(14000 characters\) 404 /);
  });
});
