/**
 * Roster import with a file a teacher typed or edited by hand: a broken line (a stray or unclosed
 * quotation mark, a comma inside a name) and the same student twice in one file. Found in use: one
 * bad quote refused the whole file as "nothing to change", a quote never closed was reported on the
 * file's last line, and a repeated row without a username made a second account.
 * Through the real routes: the exact preview, nothing written before the confirm, never a 500.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as classImport } from "../../app/routes/teach.classes.$classId.import";
import { action as schoolImport } from "../../app/routes/admin.import";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/auth.server";
import { classes, enrollments, users } from "../../db/schema";
import { makeClass, makeSchool, makeStudentIn, makeUser } from "../factories";
import { postForView, type Preview } from "./roster-import-helpers";

const post = postForView;

const problemsOf = (view: Preview) =>
  view.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.key}${p.values ? " " + JSON.stringify(p.values) : ""}${p.earlier ? ` (earlier ${p.earlier.file}:${p.earlier.line})` : ""}`);
const rowsOf = (view: Preview) => view.rows.map((r) => `${r.line} ${r.displayName} ${r.username} ${r.action}`);
const csv = (name: string, text: string) => new File([text], name);

let school: Awaited<ReturnType<typeof makeSchool>>;
let teacher: SessionUser;

beforeAll(async () => {
  school = await makeSchool("Hillside School");
  teacher = await makeUser(school.school.id, "teacher", { displayName: "Ms Hill" });
});

async function studentsOfSchool() {
  return db().select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.schoolId, school.school.id)).orderBy(users.username);
}

async function classImportPreview(classId: string, fields: Record<string, string | File | File[]>) {
  const { status, view } = await post(classImport, teacher, `/teach/classes/${classId}/import`, { classId }, { intent: "preview", ...fields });
  expect(status).toBe(200);
  expect(view.stage).toBe("preview");
  return view as Preview;
}

async function confirm(classId: string, view: Preview) {
  return post(classImport, teacher, `/teach/classes/${classId}/import`, { classId }, { intent: "confirm", token: view.token });
}

describe("a malformed line", () => {
  it("a stray quotation mark leaves out that line only, named with its reason; the other rows import", async () => {
    const cls = await makeClass(teacher, "Stray quote class");
    const before = await studentsOfSchool();
    const file = csv("roster.csv", 'name,username\nAnn Lee,ann.lee\nBo "Bobby Chen,bo.chen\n"Cy" Dee,cy.dee\nCara Diaz,cara.diaz\n');
    const view = await classImportPreview(cls.id, { files: [file] });
    expect(problemsOf(view)).toEqual(["roster.csv:3 teach.import.problem.badQuote", "roster.csv:4 teach.import.problem.badQuote"]);
    expect(rowsOf(view)).toEqual(["2 Ann Lee ann.lee create", "5 Cara Diaz cara.diaz create"]);
    expect(await studentsOfSchool()).toEqual(before);
    const { status } = await confirm(cls.id, view);
    expect(status).toBe(200);
    const roster = await db().select({ username: users.username }).from(enrollments).innerJoin(users, eq(users.id, enrollments.studentId)).where(eq(enrollments.classId, cls.id));
    expect(roster.map((r) => r.username).sort()).toEqual(["ann.lee", "cara.diaz"]);
  });

  it("a row with more values than the header has columns (a comma in a name) is left out, not read shifted", async () => {
    const cls = await makeClass(teacher, "Comma class");
    const pasted = "Name,Username\nChen, Bo,bo.chen\nDan Eve,dan.eve,\n";
    const view = await classImportPreview(cls.id, { pasted });
    expect(problemsOf(view)).toEqual(['(pasted):2 teach.import.problem.tooManyColumns {"found":3,"expected":2}']);
    // an empty cell after the last column (Excel writes them) is not a value
    expect(rowsOf(view)).toEqual(["3 Dan Eve dan.eve create"]);
    // without a header: name, username, e-mail, class; an empty e-mail column is still a column
    const headerless = await classImportPreview(cls.id, { pasted: "Eli Fox,eli.fox,,Comma class\nGil, Hu,gil.hu,,Comma class\n" });
    expect(problemsOf(headerless)).toEqual(['(pasted):2 teach.import.problem.tooManyColumns {"found":5,"expected":4}']);
    expect(rowsOf(headerless)).toEqual(["1 Eli Fox eli.fox create"]);
  });

  it("a quotation mark never closed refuses the file, naming the line it opens on; nothing can be confirmed", async () => {
    const cls = await makeClass(teacher, "Unclosed quote class");
    const before = await studentsOfSchool();
    const file = csv("roster.csv", 'name,username\nAnn Lee,ann.lee\n"Bo Chen,bo.chen\nCara Diaz,cara.diaz\nDan Eve,dan.eve\n');
    const view = await classImportPreview(cls.id, { files: [file] });
    expect(problemsOf(view)).toEqual(["roster.csv:3 teach.import.problem.quoteNeverClosed"]);
    expect(view.rows).toEqual([]);
    expect(view.counts).toEqual({ create: 0, update: 0, move: 0, unchanged: 0 });
    expect(await studentsOfSchool()).toEqual(before);
  });

  it("a quotation mark closed only lines later names every line it swallowed", async () => {
    const cls = await makeClass(teacher, "Late close class");
    const pasted = 'Pia Quin,pia.quin\n"Bo Chen,bo.chen\nCara Diaz,cara.diaz\nDan "Danny" Eve,dan.eve\nEd Fu,ed.fu\n';
    const view = await classImportPreview(cls.id, { pasted });
    expect(problemsOf(view)).toEqual(['(pasted):2 teach.import.problem.quoteSpansLines {"last":4}']);
    expect(rowsOf(view)).toEqual(["1 Pia Quin pia.quin create", "5 Ed Fu ed.fu create"]);
  });

  it("a OneRoster file that cannot be read is named once, not also as missing every column", async () => {
    const before = await studentsOfSchool();
    const files = [
      csv("users.csv", 'sourcedId,status,role,username,givenName,familyName\nu1,active,student,,"Ann,Lee\nu2,active,student,,Bo,Chen\n'),
      csv("classes.csv", "sourcedId,title\nc1,Year 7\n"),
      csv("enrollments.csv", "sourcedId,classSourcedId,userSourcedId,role\ne1,c1,u1,student\ne2,c1,u2,student\n"),
    ];
    const { status, view } = await post(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", files });
    expect(status).toBe(200);
    expect(problemsOf(view as Preview)).toEqual(["users.csv:2 teach.import.problem.quoteNeverClosed"]);
    expect(await studentsOfSchool()).toEqual(before);
  });
});

describe("the same student twice in one file", () => {
  it("is previewed as a repeat of the earlier line and created once (by username, e-mail, or name when neither tells them apart)", async () => {
    const cls = await makeClass(teacher, "Repeats class");
    const pasted = [
      "Name,Username,Email",
      "Lia Moss,,lia@students.test",
      "Lia Moss,,LIA@students.test",
      "Max Ng,max.ng,",
      "Max Ng,max.ng,",
      "Nia Ode,,",
      "Nia  Ode,,",
      // two students with the same name, told apart by their e-mails
      "Oli Park,,oli1@students.test",
      "Oli Park,,oli2@students.test",
    ].join("\n");
    const before = await studentsOfSchool();
    const view = await classImportPreview(cls.id, { pasted });
    expect(problemsOf(view)).toEqual([
      '(pasted):3 teach.import.problem.duplicateEmail {"name":"Lia Moss"} (earlier (pasted):2)',
      '(pasted):5 teach.import.problem.duplicateUsername {"username":"max.ng"} (earlier (pasted):4)',
      '(pasted):7 teach.import.problem.duplicateName {"name":"Nia Ode"} (earlier (pasted):6)',
    ]);
    expect(rowsOf(view)).toEqual(["2 Lia Moss lia.moss create", "4 Max Ng max.ng create", "6 Nia Ode nia.ode create", "8 Oli Park oli.park create", "9 Oli Park oli.park2 create"]);
    expect(await studentsOfSchool()).toEqual(before);
    await confirm(cls.id, view);
    const made = await db().select({ name: users.displayName }).from(enrollments).innerJoin(users, eq(users.id, enrollments.studentId)).where(eq(enrollments.classId, cls.id));
    expect(made.map((m) => m.name).sort()).toEqual(["Lia Moss", "Max Ng", "Nia Ode", "Oli Park", "Oli Park"]);
  });

  it("identical rows across the upload and the pasted text are one student", async () => {
    const cls = await makeClass(teacher, "Two sources class");
    const view = await classImportPreview(cls.id, { files: [csv("list.csv", "name\nEd Fu\n")], pasted: "Name,Class\nEd Fu,Two sources class\n" });
    // a row naming no class is for the class imported into: the row naming it is the same Ed Fu
    expect(problemsOf(view)).toEqual(['(pasted):2 teach.import.problem.duplicateName {"name":"Ed Fu"} (earlier list.csv:2)']);
    expect(rowsOf(view)).toEqual(["2 Ed Fu ed.fu create"]);
  });

  it("a student already in the class is matched, once, and never created again", async () => {
    const cls = await makeClass(teacher, "Existing class");
    await makeStudentIn(cls.id, { username: "fay.gu", displayName: "Fay Gu" });
    const view = await classImportPreview(cls.id, { pasted: "Fay Gu\nFay Gu\nFay Gu,fay.gu\n" });
    expect(problemsOf(view)).toEqual([
      '(pasted):2 teach.import.problem.duplicateName {"name":"Fay Gu"} (earlier (pasted):1)',
      '(pasted):3 teach.import.problem.duplicateName {"name":"Fay Gu"} (earlier (pasted):1)',
    ]);
    expect(rowsOf(view)).toEqual(["1 Fay Gu fay.gu unchanged"]);
  });

  it("a name two students of the class share is not guessed: the row is named, and no third account is made", async () => {
    const cls = await makeClass(teacher, "Namesakes class");
    await makeStudentIn(cls.id, { username: "wangwei", displayName: "王伟" });
    await makeStudentIn(cls.id, { username: "wangwei2", displayName: "王伟" });
    const view = await classImportPreview(cls.id, { pasted: "王伟\n李娜\n" });
    expect(problemsOf(view)).toEqual(['(pasted):1 teach.import.problem.ambiguousName {"name":"王伟","n":2}']);
    expect(rowsOf(view)).toEqual(["2 李娜 lina create"]);
  });

  it("school-wide: repeated rows are one student per class, and a bad line does not stop the rest", async () => {
    const before = await db().select({ id: classes.id }).from(classes).where(eq(classes.schoolId, school.school.id));
    const pasted = 'name,class\nGus Ho,8A\nGus Ho,8A\nIvy Jo,8A\nKai "K Lu,8A\n';
    const { status, view } = await post(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", pasted });
    expect(status).toBe(200);
    expect(problemsOf(view as Preview)).toEqual(['(pasted):3 teach.import.problem.duplicateName {"name":"Gus Ho"} (earlier (pasted):2)', "(pasted):5 teach.import.problem.badQuote"]);
    expect(rowsOf(view as Preview)).toEqual(["2 Gus Ho gus.ho create", "4 Ivy Jo ivy.jo create"]);
    const after = await db().select({ id: classes.id }).from(classes).where(eq(classes.schoolId, school.school.id));
    expect(after).toEqual(before);
  });
});
