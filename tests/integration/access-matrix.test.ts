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
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
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
