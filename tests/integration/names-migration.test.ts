/**
 * Names stored before new input lost its unseen characters (app/utils/plain-name.ts) are cleaned
 * by migration 0011 with the same list: a right-to-left override in a student's name showed it, and
 * everything after it, backwards on staff pages and in exports.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../db/migrate";
import { db } from "../../app/utils/db.server";
import { plainName } from "../../app/utils/plain-name";
import { makeClass, makeSchool, makeStudentIn } from "../factories";

/** The migration's statements, run again on rows written as they were before it (in one transaction, as the migrator runs them). */
async function runNamesMigration() {
  const file = fs.readFileSync(path.join(MIGRATIONS_DIR, "0011_names_without_unseen_characters.sql"), "utf8");
  await db().transaction(async (tx) => {
    for (const statement of file.split("--> statement-breakpoint")) await tx.execute(sql.raw(statement));
  });
}

const STORED = [
  "\u202Eeilrahc",
  "Li\u200B Lei",
  "王小明\u2066\u2067",
  " Amy\u00AD  Chen\t",
  "\uFEFFJosé García",
  "👩\u200D💻 Sam", // a zero-width joiner inside an emoji stays
  "\u202E", // nothing left: kept as it was
  "Plain Name",
  "王\u3000小明", // an ideographic space: one space, as plainName makes it
  "Amy\u00A0\u00A0Chen ",
];

describe("migration 0011", () => {
  it("cleans stored names of students, classes and schools as new input is cleaned", async () => {
    const { school, admin } = await makeSchool();
    const cls = await makeClass(admin);
    const students = await Promise.all(STORED.map(() => makeStudentIn(cls.id)));
    for (const [i, student] of students.entries()) await db().execute(sql`update users set display_name = ${STORED[i]} where id = ${student.id}`);
    await db().execute(sql`update classes set name = ${"8B\u202E science"} where id = ${cls.id}`);
    await db().execute(sql`update schools set name = ${"\u200BRiverside  School"} where id = ${school.id}`);

    await runNamesMigration();

    const rows = await db().execute<{ id: string; display_name: string }>(sql`select id, display_name from users where school_id = ${school.id}`);
    const byId = new Map(rows.map((r) => [r.id, r.display_name]));
    const expected = STORED.map((name) => plainName(name) || name);
    expect(students.map((s) => byId.get(s.id))).toEqual(expected);
    expect(expected.slice(0, 6)).toEqual(["eilrahc", "Li Lei", "王小明", "Amy Chen", "José García", "👩\u200D💻 Sam"]);
    const [cls2] = await db().execute<{ name: string }>(sql`select name from classes where id = ${cls.id}`);
    expect(cls2!.name).toBe("8B science");
    const [school2] = await db().execute<{ name: string }>(sql`select name from schools where id = ${school.id}`);
    expect(school2!.name).toBe("Riverside School");
  });
});
