/**
 * Issue 17 item 2: roster import. A OneRoster 1.2 sample school (tests/fixtures/oneroster: 200
 * students, 10 classes, teachers, orgs, with a repeated username, an enrollment in an unknown
 * class and a row in the wrong encoding) and Chinese spreadsheets in GB18030 and UTF-16, through
 * the real routes: the exact preview, nothing written before the confirm, the exact result, and a
 * re-import that changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/catalog/en";
import { action as classImport, loader as classImportLoader } from "../../app/routes/teach.classes.$classId.import";
import { action as schoolImport } from "../../app/routes/admin.import";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import type { RosterImportView } from "../../app/forms/roster-import.server";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { encodeLegacy } from "../fixtures/legacy-encodings";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/auth.server";
import { classes, enrollments, ssoIdentities, users } from "../../db/schema";
import { makeClass, makeSchool, makeUser, requestAs } from "../factories";
import { classRoster, postImport, type Preview } from "./roster-import-helpers";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/oneroster");
const ctx = { nonce: "n", clientAddress: "10.0.0.5" };
const file = (name: string) => new File([fs.readFileSync(path.join(FIXTURES, name))], path.basename(name));
const ONEROSTER_FILES = ["school/users.csv", "school/classes.csv", "school/enrollments.csv", "school/orgs.csv"];

type Done = Extract<RosterImportView, { stage: "done" }>;

const post = postImport;

const preview = async (...args: Parameters<typeof post>) => {
  const { status, view } = await post(...args);
  expect(status).toBe(200);
  expect(view!.stage).toBe("preview");
  return view as Preview;
};

const problemsOf = (view: Preview) => view.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.key}${p.values ? " " + JSON.stringify(p.values) : ""}`);

/** Everything an import could have written in a school, to compare before and after. */
async function snapshot(schoolId: string) {
  const people = await db()
    .select({ id: users.id, username: users.username, displayName: users.displayName, sourceId: users.sourceId, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.schoolId, schoolId))
    .orderBy(users.id);
  const rooms = await db().select({ id: classes.id, name: classes.name, sourceId: classes.sourceId, teacherId: classes.teacherId }).from(classes).where(eq(classes.schoolId, schoolId)).orderBy(classes.id);
  const members = await db()
    .select({ classId: enrollments.classId, studentId: enrollments.studentId })
    .from(enrollments)
    .where(inArray(enrollments.classId, rooms.length ? rooms.map((r) => r.id) : ["00000000-0000-0000-0000-000000000000"]))
    .orderBy(enrollments.classId, enrollments.studentId);
  return { people, rooms, members };
}

const FILE_PROBLEMS = [
  'enrollments.csv:212 teach.import.problem.unknownClass {"id":"cls-999"}',
  "users.csv:132 teach.import.problem.badEncoding",
  'users.csv:161 teach.import.problem.duplicateUsername {"username":"s0010"}',
];

let school: Awaited<ReturnType<typeof makeSchool>>;
let teacher: SessionUser;
let otherTeacher: SessionUser;
let seventhC: Awaited<ReturnType<typeof makeClass>>;

beforeAll(async () => {
  school = await makeSchool("Riverside Secondary School");
  teacher = await makeUser(school.school.id, "teacher", { email: "t03@school.test", username: "t03@school.test", displayName: "Ms Third" });
  otherTeacher = await makeUser(school.school.id, "teacher", { email: "t01@school.test", username: "t01@school.test", displayName: "Mr First" });
  seventhC = await makeClass(teacher, "7C Computing");
});

describe("a teacher's import into their own class (OneRoster files uploaded one by one)", () => {
  const url = () => `/teach/classes/${seventhC.id}/import`;
  const params = () => ({ classId: seventhC.id });

  it("previews exactly the class's 20 students and every named problem, and writes nothing", async () => {
    const before = await snapshot(school.school.id);
    const view = await preview(classImport, teacher, url(), params(), { intent: "preview", files: ONEROSTER_FILES.map(file) });
    expect(view.counts).toEqual({ create: 20, update: 0, move: 0, unchanged: 0 });
    expect(problemsOf(view)).toEqual(FILE_PROBLEMS);
    // users.csv: line 1 is the header, 2–11 the teachers, student n on line 11 + n; 7C holds students 3, 13, …, 193
    expect(view.rows.map((r) => r.line)).toEqual(Array.from({ length: 20 }, (_, i) => 11 + 3 + 10 * i));
    expect(view.rows.every((r) => r.action === "create" && r.classes.join() === "7C Computing")).toBe(true);
    // 7C's students come without usernames: pinyin (or folded Latin) ones from their names
    expect(view.rows.map((r) => r.username).every((u) => /^[a-z][a-z.]*\d*$/.test(u))).toBe(true);
    expect(view.rows[1]).toMatchObject({ line: 24, displayName: expect.stringMatching(/^\p{Script=Han}+$/u) });
    expect(await snapshot(school.school.id)).toEqual(before);
  });

  it("applies exactly the preview on confirm: 20 accounts with sign-in cards, the class linked to its sourcedId", async () => {
    const view = await preview(classImport, teacher, url(), params(), { intent: "preview", files: ONEROSTER_FILES.map(file) });
    const { status, view: done } = await post(classImport, teacher, url(), params(), { intent: "confirm", token: view.token });
    expect(status).toBe(200);
    expect(done).toMatchObject({ stage: "done", counts: { create: 20, update: 0, move: 0, unchanged: 0 }, newClasses: 0 });
    expect((done as Done).cards).toHaveLength(20);
    expect((done as Done).cards.every((c) => c.password.length >= 6 && c.signInUrl.includes(c.username))).toBe(true);
    const roster = await classRoster(seventhC.id);
    expect(roster.map((s) => [s.displayName, s.username])).toEqual(view.rows.map((r) => [r.displayName, r.username]));
    expect(roster.map((s) => s.sourceId)).toEqual(Array.from({ length: 20 }, (_, i) => `stu-${String(3 + 10 * i).padStart(4, "0")}`));
    const [cls] = await db().select({ sourceId: classes.sourceId }).from(classes).where(eq(classes.id, seventhC.id));
    expect(cls!.sourceId).toBe("cls-003");
    // the new accounts are ordinary students: the card's password signs in like any other
    const [row] = await db().select().from(users).where(eq(users.username, roster[0]!.username));
    expect(row).toMatchObject({ role: "student", email: null, schoolId: school.school.id });
  });

  it("re-importing the same files changes nothing", async () => {
    const before = await snapshot(school.school.id);
    const view = await preview(classImport, teacher, url(), params(), { intent: "preview", files: ONEROSTER_FILES.map(file) });
    expect(view.counts).toEqual({ create: 0, update: 0, move: 0, unchanged: 20 });
    const { view: done } = await post(classImport, teacher, url(), params(), { intent: "confirm", token: view.token });
    expect(done).toMatchObject({ stage: "done", counts: { create: 0, update: 0, move: 0, unchanged: 20 } });
    expect(await snapshot(school.school.id)).toEqual(before);
  });

  it("is a 404 for another teacher's class, to look at and to post to, and writes nothing", async () => {
    const before = await snapshot(school.school.id);
    const { status } = await post(classImport, otherTeacher, url(), params(), { intent: "preview", files: ONEROSTER_FILES.map(file) });
    expect(status).toBe(404);
    const view = await preview(classImport, teacher, url(), params(), { intent: "preview", pasted: "Intruder Name" });
    // a preview made by the class's teacher cannot be confirmed by someone else either
    expect((await post(classImport, otherTeacher, url(), params(), { intent: "confirm", token: view.token })).status).toBe(404);
    const get = await classImportLoader({ request: await requestAs(otherTeacher, url()), params: params(), context: ctx }).catch((r: Response) => r);
    expect((get as Response).status).toBe(404);
    expect(await snapshot(school.school.id)).toEqual(before);
  });

  it("refuses a confirm when the class changed after the preview, and shows the new preview", async () => {
    const view = await preview(classImport, teacher, url(), params(), { intent: "preview", pasted: "name\tusername\nZoë Martín\tzoe.m\n" });
    expect(view.counts).toEqual({ create: 1, update: 0, move: 0, unchanged: 0 });
    // meanwhile the teacher adds a student by hand in another tab
    await rosterAction({ request: await requestAs(teacher, `/teach/classes/${seventhC.id}/roster`, { form: { intent: "add", names: "Walk-in Student" } }), params: params(), context: ctx });
    const before = await snapshot(school.school.id);
    const { status, view: again } = await post(classImport, teacher, url(), params(), { intent: "confirm", token: view.token });
    expect(status).toBe(409);
    expect(again).toMatchObject({ stage: "preview", changed: true, counts: { create: 1 } });
    expect(await snapshot(school.school.id)).toEqual(before);
    // a tampered token is refused as expired
    const tampered = await post(classImport, teacher, url(), params(), { intent: "confirm", token: (again as Preview).token.slice(0, -4) + "AAAA" });
    expect(tampered).toMatchObject({ status: 400, view: { stage: "form", errors: { token: "teach.import.expired" } } });
  });
});

describe("the admin's school-wide import (the OneRoster zip)", () => {
  it("previews 178 new students in 9 new classes and the 20 already there, names every problem, writes nothing", async () => {
    const before = await snapshot(school.school.id);
    const view = await preview(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", files: [file("school.zip")] });
    expect(view.counts).toEqual({ create: 178, update: 0, move: 0, unchanged: 20 });
    expect(problemsOf(view)).toEqual(FILE_PROBLEMS);
    expect(view.newClasses).toEqual([
      { title: "7A Computing", teacherName: "Mr First" },
      ...["7B", "7D", "7E", "8A", "8B", "8C", "8D", "8E"].map((c) => ({ title: `${c} Computing`, teacherName: "Admin" })),
    ]);
    expect(await snapshot(school.school.id)).toEqual(before);
  });

  it("creates and fills the classes on confirm; re-importing then changes nothing", async () => {
    const view = await preview(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", files: [file("school.zip")] });
    const { view: done } = await post(schoolImport, school.admin, "/admin/import", {}, { intent: "confirm", token: view.token });
    expect(done).toMatchObject({ stage: "done", counts: { create: 178, unchanged: 20 }, newClasses: 9 });
    const sizes = await db()
      .select({ name: classes.name, sourceId: classes.sourceId, n: sql<number>`count(${enrollments.studentId})::int` })
      .from(classes)
      .leftJoin(enrollments, eq(enrollments.classId, classes.id))
      .where(and(eq(classes.schoolId, school.school.id), sql`${classes.sourceId} is not null`))
      .groupBy(classes.id)
      .orderBy(classes.sourceId);
    // 7A loses stu-0121 (bad encoding), 8E stu-0150 (repeated username); 7C also has the walk-in student
    expect(sizes.map((s) => [s.sourceId, s.n])).toEqual([
      ["cls-001", 19], ["cls-002", 20], ["cls-003", 21], ["cls-004", 20], ["cls-005", 20],
      ["cls-006", 20], ["cls-007", 20], ["cls-008", 20], ["cls-009", 20], ["cls-010", 19],
    ]);
    const before = await snapshot(school.school.id);
    const again = await preview(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", files: [file("school.zip")] });
    expect(again.counts).toEqual({ create: 0, update: 0, move: 0, unchanged: 198 });
    expect(again.newClasses).toEqual([]);
    await post(schoolImport, school.admin, "/admin/import", {}, { intent: "confirm", token: again.token });
    expect(await snapshot(school.school.id)).toEqual(before);
    // 178 first passwords are hashed with argon2 (as the teacher's "add students" does): slow on a busy machine
  }, 300_000);

  it("names a missing column by file and line and imports nothing", async () => {
    const files = ["users.csv", "classes.csv", "enrollments.csv", "orgs.csv"].map((n) => file(`missing-column/${n}`));
    const view = await preview(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", files });
    expect(problemsOf(view)).toEqual(['classes.csv:1 teach.import.problem.missingColumn {"column":"title"}', "users.csv:132 teach.import.problem.badEncoding", 'users.csv:161 teach.import.problem.duplicateUsername {"username":"s0010"}']);
    expect(view.counts).toEqual({ create: 0, update: 0, move: 0, unchanged: 0 });
    expect(en["teach.import.problem.missingColumn"]).toContain("{column}");
  });
});

describe("Chinese spreadsheets", () => {
  let chuyi: Awaited<ReturnType<typeof makeClass>>;
  beforeAll(async () => {
    chuyi = await makeClass(teacher, "初一（3）班");
  });
  const url = () => `/teach/classes/${chuyi.id}/import`;

  // found walking the import as a Hong Kong teacher: Traditional-Chinese Excel saves "CSV" as Big5,
  // which was read as GB18030 (陳大文 → 朝ゅ…) with not one row named as unreadable
  it("a Big5 CSV from Traditional-Chinese Excel (Taiwan, Hong Kong) imports with the right names", async () => {
    const cls = await makeClass(teacher, "中二甲班");
    const csv = new File([encodeLegacy("姓名,學號\r\n陳大文,S001\r\n李小美,S002\r\n黃嘉欣,S003\r\n", "big5")], "中二甲.csv");
    const view = await preview(classImport, teacher, `/teach/classes/${cls.id}/import`, { classId: cls.id }, { intent: "preview", files: [csv] });
    expect(view.problems).toEqual([]);
    expect(view.rows.map((r) => [r.line, r.displayName, r.action])).toEqual([
      [2, "陳大文", "create"],
      [3, "李小美", "create"],
      [4, "黃嘉欣", "create"],
    ]);
  });

  // found walking the import as a teacher new to it: pressing Preview with nothing chosen showed a
  // preview of four zeros and the message as a "row that will not be imported"
  it("a preview with no file and nothing pasted is a message by the paste box, not a preview", async () => {
    const { status, view } = await post(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", pasted: "  \n" });
    expect(status).toBe(400);
    expect(view).toEqual({ stage: "form", errors: { pasted: "teach.import.problem.nothing" } });
  });

  it("a GB18030 CSV from Chinese Excel imports with the right names and pinyin usernames", async () => {
    const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", files: [file("plain-gb18030.csv")] });
    expect(view.problems).toEqual([]);
    expect(view.rows.map((r) => [r.line, r.displayName, r.username, r.action])).toEqual([
      [2, "王小明", "wangxm", "create"],
      [3, "李华", "lihua", "create"],
      [4, "欧阳娜娜", "ouyangnana", "create"],
      [5, "吕小龙", "lvxiaolong", "create"],
    ]);
    await post(classImport, teacher, url(), { classId: chuyi.id }, { intent: "confirm", token: view.token });
    expect((await classRoster(chuyi.id)).map((s) => s.displayName).sort()).toEqual(["吕小龙", "李华", "欧阳娜娜", "王小明"].sort());
  });

  it("the same list as UTF-16 LE and BE (Excel's Unicode text, tab-separated) reads the same names: nothing to change", async () => {
    for (const name of ["plain-utf16le.txt", "plain-utf16be.txt"]) {
      const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", files: [file(name)] });
      expect(view.problems).toEqual([]);
      expect(view.rows.map((r) => [r.displayName, r.action])).toEqual([
        ["王小明", "unchanged"],
        ["李华", "unchanged"],
        ["欧阳娜娜", "unchanged"],
        ["吕小龙", "unchanged"],
      ]);
    }
  });

  it("a UTF-8 file with a BOM and a pasted Excel selection read the header, and name a row without a name", async () => {
    const bom = new File([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("姓名,用户名\n王小明,wangxm\n,nobody\n", "utf8")])], "班级名单.csv");
    const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", files: [bom], pasted: "Name\tUsername\tClass\nLi Hua\t\t初一（3）班\nSomeone\t\t初二（1）班\n" });
    expect(problemsOf(view)).toEqual(['(pasted):3 teach.import.problem.otherClass {"name":"初二（1）班"}', "班级名单.csv:3 teach.import.problem.missingName"]);
    expect(view.rows.map((r) => [r.file, r.line, r.displayName, r.action])).toEqual([
      ["(pasted)", 2, "Li Hua", "create"],
      ["班级名单.csv", 2, "王小明", "unchanged"],
    ]);
  });

  // Found in a school admin's walk: a class list with two 王芳 told apart by 学号 lost the second one
  it("a 学号 column tells this list's students of the same name apart, and names no one beyond it", async () => {
    const cls = await makeClass(teacher, "初二（3）班");
    const u = `/teach/classes/${cls.id}/import`;
    const csv = (text: string, name: string) => new File([text], name);
    const list = "序号,学号,姓名,性别,联系电话\n1,2023001,王芳,女,\n2,2023002,李浩然,男,\n3,２０２３０１７,王芳,女,\n4,2023 017,王芳,女,\n";
    const view = await preview(classImport, teacher, u, { classId: cls.id }, { intent: "preview", files: [csv(list, "初二3班.csv")] });
    // the same number however typed (full-width digits, a space) is the same student
    expect(problemsOf(view)).toEqual(['初二3班.csv:5 teach.import.problem.duplicateNumber {"number":"2023017"}']);
    expect(view.rows.map((r) => [r.line, r.displayName, r.action])).toEqual([
      [2, "王芳", "create"],
      [3, "李浩然", "create"],
      [4, "王芳", "create"],
    ]);
    await post(classImport, teacher, u, { classId: cls.id }, { intent: "confirm", token: view.token });
    const roster = await classRoster(cls.id);
    expect(roster.map((s) => s.displayName).sort()).toEqual(["李浩然", "王芳", "王芳"]);
    expect(new Set(roster.map((s) => s.username)).size).toBe(3);
    // the number is not kept: lists number students 1–45 in each class, so it names no one beyond
    // this list (two classes' "1" must never be one student)
    expect(roster.every((s) => s.sourceId === null)).toBe(true);
    const other = await makeClass(teacher, "初二（4）班");
    const second = await preview(classImport, teacher, `/teach/classes/${other.id}/import`, { classId: other.id }, { intent: "preview", files: [csv("学号,姓名\n2023001,赵六\n", "初二4班.csv")] });
    expect(second.rows.map((r) => [r.displayName, r.action])).toEqual([["赵六", "create"]]);
    // next time, the two 王芳 are told apart by username, as the page says; 李浩然 is found by name
    const again = await preview(classImport, teacher, u, { classId: cls.id }, { intent: "preview", files: [csv(list, "初二3班.csv")] });
    expect(again.rows.map((r) => [r.displayName, r.action])).toEqual([["李浩然", "unchanged"]]);
    expect(problemsOf(again).filter((p) => p.includes("ambiguousName"))).toHaveLength(2);
  });

  it("names a workbook that is not CSV instead of reading it", async () => {
    const xlsx = new File([Buffer.from("PK\u0003\u0004 not really a workbook")], "名单.xlsx");
    const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", files: [xlsx] });
    expect(problemsOf(view)).toEqual(["名单.xlsx:- teach.import.problem.notCsv"]);
  });

  it("names a file with a NUL character as not a text table, reads the other files, and confirms without a 500", async () => {
    const nul = new File([Buffer.from("name\nNul\u0000Person\n", "utf8")], "binary.csv");
    const good = new File([Buffer.from("name\nNora Null\n", "utf8")], "good.csv");
    const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", files: [nul, good] });
    expect(problemsOf(view)).toEqual(["binary.csv:- teach.import.problem.notCsv"]);
    expect(view.rows.map((r) => r.displayName)).toEqual(["Nora Null"]);
    expect(JSON.stringify(view)).not.toContain("\u0000");
    const { status } = await post(classImport, teacher, url(), { classId: chuyi.id }, { intent: "confirm", token: view.token });
    expect(status).toBe(200);
    expect((await classRoster(chuyi.id)).map((s) => s.displayName)).toContain("Nora Null");
  });

  it("refuses more rows than the cap with one clear message", async () => {
    const pasted = Array.from({ length: 5_001 }, (_, i) => `Student ${i}`).join("\n");
    const view = await preview(classImport, teacher, url(), { classId: chuyi.id }, { intent: "preview", pasted });
    expect(problemsOf(view)).toEqual(['(pasted):- teach.import.problem.tooMany {"max":5000}']);
    expect(view.counts).toEqual({ create: 0, update: 0, move: 0, unchanged: 0 });
  });
});

describe("students with a school sign-in identity", () => {
  it("are matched by the provider subject the information system lists (never by e-mail), and new ones are linked", async () => {
    const issuer = "https://idp.school.test";
    await updateSchoolSettings(school.admin, { sso: { enabled: true, preset: "generic", label: "School ID", issuer, clientId: "x", clientSecretSealed: null, allowedDomains: ["school.test"], roleRule: { kind: "domain", teacherDomains: ["school.test"] }, teacherPasswordSignIn: true, adminLinks: [] } });
    const signedInBefore = await makeUser(school.school.id, "student", { username: "li.wei", displayName: "李伟" });
    await db().insert(ssoIdentities).values({ userId: signedInBefore.id, issuer, subject: "google-123" });
    // already in another class of this teacher's (a student of no class of theirs is the admin's to add)
    await db().insert(enrollments).values({ classId: (await makeClass(teacher, "SSO club")).id, studentId: signedInBefore.id });
    const cls = await makeClass(teacher, "SSO class");
    const users_ = [
      "sourcedId,status,role,username,userIds,givenName,familyName,email",
      "sso-1,active,student,,{SSO:google-123},伟,李,li.wei@students.school.test",
      "sso-2,active,student,,{SSO:google-456},Ada,Lovelace,ada@students.school.test",
      // an e-mail alone never links an account
      "sso-3,active,student,,,Mo,Khan,li.wei@students.school.test",
    ].join("\n");
    const files = [
      new File([users_], "users.csv"),
      new File(["sourcedId,title\nc-sso,SSO class\n"], "classes.csv"),
      new File(["sourcedId,classSourcedId,userSourcedId,role\ne1,c-sso,sso-1,student\ne2,c-sso,sso-2,student\ne3,c-sso,sso-3,student\n"], "enrollments.csv"),
    ];
    const view = await preview(classImport, teacher, `/teach/classes/${cls.id}/import`, { classId: cls.id }, { intent: "preview", files });
    expect(view.rows.map((r) => [r.displayName, r.username, r.action])).toEqual([
      ["李伟", "li.wei", "move"],
      ["Ada Lovelace", "ada.lovelace", "create"],
      ["Mo Khan", "mo.khan", "create"],
    ]);
    await post(classImport, teacher, `/teach/classes/${cls.id}/import`, { classId: cls.id }, { intent: "confirm", token: view.token });
    const [ada] = await db().select({ id: users.id }).from(users).where(eq(users.username, "ada.lovelace"));
    expect(await db().select({ subject: ssoIdentities.subject }).from(ssoIdentities).where(eq(ssoIdentities.userId, ada!.id))).toEqual([{ subject: "google-456" }]);
    const [li] = await db().select({ sourceId: users.sourceId }).from(users).where(eq(users.id, signedInBefore.id));
    expect(li!.sourceId).toBe("sso-1");
  });
});

describe("a teacher's import reaches only their own students", () => {
  it("another teacher's student named by sourcedId or sign-in subject is left out, unnamed, and nothing is written", async () => {
    // found in an audit: a users.csv of one row, "stu-1001", enrolled another teacher's student
    // and opened their record (answers, activity, playground rules) to the importing teacher
    const issuer = "https://idp.reach.test";
    const { school: here, admin } = await makeSchool("Reach School");
    await updateSchoolSettings(admin, { sso: { enabled: true, preset: "generic", label: "School ID", issuer, clientId: "x", clientSecretSealed: null, allowedDomains: ["reach.test"], roleRule: { kind: "domain", teacherDomains: ["reach.test"] }, teacherPasswordSignIn: true, adminLinks: [] } });
    const owner = await makeUser(here.id, "teacher");
    const intruder = await makeUser(here.id, "teacher");
    const ada = await makeUser(here.id, "student", { displayName: "Ada Secret", username: "ada.secret", sourceId: "stu-1001" });
    const bo = await makeUser(here.id, "student", { displayName: "Bo Secret", username: "bo.secret" });
    await db().insert(ssoIdentities).values({ userId: bo.id, issuer, subject: "idp-bo" });
    const ownersClass = await makeClass(owner, "Owner's class");
    await db().insert(enrollments).values([{ classId: ownersClass.id, studentId: ada.id }, { classId: ownersClass.id, studentId: bo.id }]);
    const mine = await makeClass(intruder, "Intruder's class");
    const files = [
      new File(["sourcedId,status,role,username,userIds,givenName,familyName\nstu-1001,active,student,,,Who,Ever\nx-2,active,student,,{SSO:idp-bo},Any,One\n"], "users.csv"),
      new File(["sourcedId,title\nc-1,Intruder's class\n"], "classes.csv"),
      new File(["sourcedId,classSourcedId,userSourcedId,role\ne1,c-1,stu-1001,student\ne2,c-1,x-2,student\n"], "enrollments.csv"),
    ];
    const before = await snapshot(here.id);
    const view = await preview(classImport, intruder, `/teach/classes/${mine.id}/import`, { classId: mine.id }, { intent: "preview", files });
    expect(view.rows).toEqual([]);
    expect(problemsOf(view)).toEqual(["users.csv:2 teach.import.problem.notYourStudent", "users.csv:3 teach.import.problem.notYourStudent"]);
    expect(JSON.stringify(view)).not.toMatch(/Secret|ada\.secret|bo\.secret/);
    await post(classImport, intruder, `/teach/classes/${mine.id}/import`, { classId: mine.id }, { intent: "confirm", token: view.token });
    const after = await snapshot(here.id);
    // (the class itself is linked to its id in the file, as any import links it)
    expect({ people: after.people, members: after.members }).toEqual({ people: before.people, members: before.members });
    // the class's own teacher matches them as before
    const own = await preview(classImport, owner, `/teach/classes/${ownersClass.id}/import`, { classId: ownersClass.id }, { intent: "preview", files });
    // (renamed as the information system names them: every class of theirs is this teacher's)
    expect(own.rows.map((r) => [r.displayName, r.action])).toEqual([["Who Ever", "update"], ["Any One", "update"]]);
    expect(own.problems).toEqual([]);
  });
});
