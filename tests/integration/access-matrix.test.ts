/**
 * The cross-tenant access matrix: every loader and action of the app, attacked by users of
 * another class, another teacher, another school, a student and a visitor. Every foreign access
 * must answer 403/404 (or send a visitor to sign in) and change nothing in the database.
 *
 * A route file that is not listed here fails the "every route is in the matrix" test: adding a
 * route means deciding, here, who may not use it.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { enroll, makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { ATTACKS, type Attack, type World } from "./access-matrix.cases";

let world: World;

beforeAll(async () => {
  const a = await makeSchool("School A");
  const b = await makeSchool("School B");
  const teacherA1 = await makeUser(a.school.id, "teacher");
  const teacherA2 = await makeUser(a.school.id, "teacher");
  const teacherB1 = await makeUser(b.school.id, "teacher");
  const classA1 = await makeClass(teacherA1);
  const classA2 = await makeClass(teacherA2);
  const classB1 = await makeClass(teacherB1);
  const studentA1 = await makeStudentIn(classA1.id);
  const studentA2 = await makeStudentIn(classA2.id);
  const studentB1 = await makeStudentIn(classB1.id);
  const studentShared = await makeStudentIn(classA1.id);
  await enroll(classA2.id, studentShared);
  world = {
    ids: {},
    adminA: a.admin,
    adminB: b.admin,
    teacherA1,
    teacherA2,
    teacherB1,
    classA1,
    classA2,
    classB1,
    studentA1,
    studentA2,
    studentB1,
    studentShared,
  };
  const { seedForeignData } = await import("./access-matrix.cases");
  await seedForeignData(world);
});

/** A fingerprint of every row of every table: any write by a refused request changes it. */
async function databaseFingerprint(): Promise<string> {
  const tables = await db().execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    // throttles count attempts, refused ones included, by design (a guess is counted before it is checked)
    if (table_name === "throttles") continue;
    // the widget APIs' request budget counts every call, refused or not (hashed keys, no data)
    if (table_name === "request_rates") continue;
    // last_seen_at of sessions moves on reads by design; leave it out
    const expr = table_name === "sessions" ? "t.id::text" : "t::text";
    const [row] = await db().execute<{ h: string | null }>(
      sql.raw(`select md5(string_agg(${expr}, ',' order by ${expr})) as h from ${table_name} t`),
    );
    parts.push(`${table_name}:${row?.h ?? "-"}`);
  }
  return parts.join("|");
}

async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location: string | null }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
    // single fetch: data(...) results carry their status in init
    const init = (result as { init?: { status?: number } } | null)?.init;
    return { status: init?.status ?? 200, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

function routeFiles(): string[] {
  return fs
    .readdirSync(path.resolve("app/routes"))
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .map((f) => f.replace(/\.(tsx?|jsx?)$/, ""))
    .sort();
}

describe("access matrix", () => {
  it("lists every route of the app", () => {
    const listed = new Set(Object.keys(ATTACKS));
    const missing = routeFiles().filter((r) => !listed.has(r));
    expect(missing, `routes missing from tests/integration/access-matrix.cases.ts: ${missing.join(", ")}`).toEqual([]);
  });

  for (const route of routeFiles()) {
    it(`refuses foreign access to ${route}`, async () => {
      const entry = ATTACKS[route];
      if (!entry) return; // reported by the test above
      const mod = (await import(`../../app/routes/${route}`)) as {
        loader?: (args: unknown) => Promise<unknown>;
        action?: (args: unknown) => Promise<unknown>;
      };
      const attacks: Attack[] = entry.attacks(world);
      if (mod.loader || mod.action) expect(entry.public ?? attacks.length).toBeTruthy();
      for (const attack of attacks) {
        const fn = attack.method === "GET" ? mod.loader : mod.action;
        expect(fn, `${route} has no ${attack.method === "GET" ? "loader" : "action"}`).toBeTypeOf("function");
        // the session row is made first: it is the attacker's own, not a change under test
        const request = await requestAs(attack.actor as SessionUser | null, attack.path, {
          method: attack.method,
          form: attack.method === "POST" ? (attack.form ?? { intent: "x" }) : undefined,
        });
        const before = await databaseFingerprint();
        const result = await outcome(() => fn!({ request, params: attack.params, context: { nonce: "n", clientAddress: "10.9.0.1" } }));
        const label = `${route} ${attack.method} ${attack.path} as ${attack.who}`;
        if (attack.denied === false) {
          expect(result.status, `${label}: got ${result.status}`).toBeLessThan(500);
        } else if (attack.actor === null) {
          expect(
            result.status === 404 || result.status === 403 || result.status === 401 || (result.status === 302 && /^\/signin/.test(result.location ?? "")),
            `${label}: got ${result.status} ${result.location ?? ""}`,
          ).toBe(true);
        } else {
          expect([403, 404], `${label}: got ${result.status}`).toContain(result.status);
        }
        expect(await databaseFingerprint(), `${label} changed the database`).toBe(before);
      }
    });
  }
});

/**
 * A student two teachers share (decision 008): teacher A reads and acts only through A's classes;
 * the account as a whole (new password — which would let A sign in as the student — and deletion)
 * is the admin's; teacher B's records survive anything teacher A does.
 */
describe("teacher scope: a student shared by two teachers", () => {
  type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> };
  const context = { nonce: "n", clientAddress: "10.9.0.1" };
  let chatInA1: string;
  let chatInA2: string;

  async function call(route: string, kind: "loader" | "action", actor: SessionUser, urlPath: string, params: Record<string, string>, form?: Record<string, string>) {
    const mod = (await import(`../../app/routes/${route}`)) as RouteModule;
    const request = await requestAs(actor, urlPath, { method: form ? "POST" : "GET", form });
    try {
      return await mod[kind]!({ request, params, context });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }
  const statusOf = (result: unknown) =>
    result instanceof Response ? result.status : ((result as { init?: { status?: number } }).init?.status ?? 200);
  const payload = <T>(result: unknown) => (result as { data: T }).data;

  async function sharedStudentRow() {
    const [row] = await db().execute<{ password_hash: string; classes: string[] | null }>(sql`
      select u.password_hash, (select array_agg(class_id::text) from enrollments e where e.student_id = u.id) as classes
      from users u where u.id = ${world.studentShared.id}`);
    return row;
  }
  async function chatCount(conversationId: string) {
    const [row] = await db().execute<{ n: number }>(
      sql`select (select count(*) from playground_messages where conversation_id = ${conversationId})::int as n`,
    );
    return row!.n;
  }

  beforeAll(async () => {
    const { playgroundConversations, playgroundMessages } = await import("../../db/schema");
    const chats = await db()
      .insert(playgroundConversations)
      .values([
        { userId: world.studentShared.id, classId: world.classA1.id, title: "In A's class", model: "mini" },
        { userId: world.studentShared.id, classId: world.classA2.id, title: "In B's class", model: "mini" },
      ])
      .returning();
    [chatInA1, chatInA2] = [chats[0]!.id, chats[1]!.id];
    await db()
      .insert(playgroundMessages)
      .values(chats.map((c) => ({ conversationId: c.id, userId: world.studentShared.id, role: "user" as const, text: `said in ${c.title}`, status: "complete" as const })));
  });

  it("teacher A's download holds the student's chats and classes from A's classes only", async () => {
    const { classA1, studentShared, teacherA1 } = world;
    const res = (await call("teach.classes.$classId.roster.$studentId.export[.json]", "loader", teacherA1, `/teach/classes/${classA1.id}/roster/${studentShared.id}/export.json`, {
      classId: classA1.id,
      studentId: studentShared.id,
    })) as Response;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { classes: { className: string }[]; playground: { conversations: { id: string }[]; messages: { conversationId: string; text: string }[] } };
    expect(body.playground.conversations.map((c) => c.id)).toEqual([chatInA1]);
    expect(body.playground.messages.map((m) => m.text)).toEqual(["said in In A's class"]);
    expect(body.classes.map((c) => c.className)).toEqual([classA1.name]);
  });

  it("teacher A's roster says the admin is needed for the shared student (and only for them)", async () => {
    const { classA1, studentA1, studentShared, teacherA1 } = world;
    const view = (await call("teach.classes.$classId.roster", "loader", teacherA1, `/teach/classes/${classA1.id}/roster`, { classId: classA1.id })) as {
      students: { id: string; needsAdmin: boolean }[];
    };
    const byId = new Map(view.students.map((s) => [s.id, s.needsAdmin]));
    expect(byId.get(studentShared.id)).toBe(true);
    expect(byId.get(studentA1.id)).toBe(false);
  });

  it("teacher A cannot reset the password or delete the student, and removing them from A's class leaves B's records", async () => {
    const { classA1, classA2, studentShared, teacherA1 } = world;
    const before = await sharedStudentRow();
    const roster = (form: Record<string, string>) =>
      call("teach.classes.$classId.roster", "action", teacherA1, `/teach/classes/${classA1.id}/roster`, { classId: classA1.id }, { studentId: studentShared.id, ...form });
    for (const form of [{ intent: "reset" }, { intent: "delete", confirm: "yes" }] as Record<string, string>[]) {
      const result = await roster(form);
      expect(statusOf(result), form.intent).toBe(403);
      expect(payload<{ errors: Record<string, string> }>(result).errors.studentId).toBe("teach.roster.needsAdmin");
    }
    expect(await sharedStudentRow()).toEqual(before);

    expect(statusOf(await roster({ intent: "remove" }))).toBe(200);
    const after = await sharedStudentRow();
    expect(after?.classes).toEqual([classA2.id]);
    expect(after?.password_hash).toBe(before?.password_hash);
    expect(await chatCount(chatInA2)).toBe(1);
  });

  it("a teacher who alone teaches a student still gives them a new password", async () => {
    const { classA1, studentA1, teacherA1 } = world;
    const result = await call("teach.classes.$classId.roster", "action", teacherA1, `/teach/classes/${classA1.id}/roster`, { classId: classA1.id }, {
      intent: "reset",
      studentId: studentA1.id,
    });
    expect(statusOf(result)).toBe(200);
    expect(payload<{ cards: { username: string }[] }>(result).cards[0]?.username).toBe(studentA1.username);
  });

  it("the admin can reset the password, download everything and delete the student", async () => {
    const { adminA, classA2, studentShared } = world;
    const adminClass = (form: Record<string, string>) =>
      call("admin.classes.$classId", "action", adminA, `/admin/classes/${classA2.id}`, { classId: classA2.id }, { studentId: studentShared.id, ...form });
    const reset = await adminClass({ intent: "reset" });
    expect(statusOf(reset)).toBe(200);
    expect(payload<{ cards: { username: string; password: string }[] }>(reset).cards[0]?.username).toBe(studentShared.username);

    const res = (await call("admin.students.$studentId.export[.json]", "loader", adminA, `/admin/students/${studentShared.id}/export.json`, {
      studentId: studentShared.id,
    })) as Response;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { playground: { conversations: { id: string }[] } };
    expect(body.playground.conversations.map((c) => c.id).sort()).toEqual([chatInA1, chatInA2].sort());

    expect(statusOf(await adminClass({ intent: "delete", confirm: "yes" }))).toBe(200);
    expect(await sharedStudentRow()).toBeUndefined();
  });
});
