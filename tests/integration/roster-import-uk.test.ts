/**
 * A UK teacher's walk of the roster import, through the real routes: a class list from the
 * school's information system (SIMS, Arbor, Bromcom: Forename and Surname, Legal Surname, Reg,
 * Year, UPN) into "8X Computing". Found: the header was not recognised (a student called
 * "Forename", surnames as usernames), a SIMS paste had every row left out, and a Reg column
 * stopped the import ("None of the classes in this file is called '8X Computing'"); there was no
 * template to start from. Decision 027.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { action as classImport } from "../../app/routes/teach.classes.$classId.import";
import { action as schoolImport } from "../../app/routes/admin.import";
import { loader as template } from "../../app/routes/teach.roster-template[.csv]";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/auth.server";
import { classes, users } from "../../db/schema";
import { makeClass, makeSchool, makeUser, requestAs } from "../factories";
import { classRoster, postForView, type Preview } from "./roster-import-helpers";

const ctx = { nonce: "n", clientAddress: "10.0.0.7" };
const post = postForView;

const problemsOf = (view: Preview) => view.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.key}${p.values ? " " + JSON.stringify(p.values) : ""}`);
const notesOf = (view: Preview) => view.notes.map((n) => `${n.file ?? "-"} ${n.key} ${JSON.stringify({ ...n.values, ...n.lists })}`);
const rowsOf = (view: Preview) => view.rows.map((r) => `${r.line} ${r.displayName} ${r.username} ${r.action} ${r.classes.join("|")}`);

let school: Awaited<ReturnType<typeof makeSchool>>;
let teacher: SessionUser;

beforeAll(async () => {
  school = await makeSchool("Hazelwood Academy");
  teacher = await makeUser(school.school.id, "teacher", { displayName: "Mr Hazel" });
});

async function classPreview(classId: string, fields: Record<string, string | File | File[]>) {
  const { status, view } = await post(classImport, teacher, `/teach/classes/${classId}/import`, { classId }, { intent: "preview", ...fields });
  expect(status).toBe(200);
  expect(view.stage).toBe("preview");
  return view as Preview;
}

describe("a teacher's import into 8X Computing", () => {
  it("a Forename<TAB>Surname header names each student 'Forename Surname', with usernames from the whole name", async () => {
    const cls = await makeClass(teacher, "7Y Computing");
    const view = await classPreview(cls.id, { pasted: "Forename\tSurname\nOliver\tSmith\nAmelia\tJones\n" });
    expect(problemsOf(view)).toEqual([]);
    expect(rowsOf(view)).toEqual(["2 Oliver Smith oliver.smith create 7Y Computing", "3 Amelia Jones amelia.jones create 7Y Computing"]);
  });

  it("a SIMS paste (Legal Surname, Legal Forename, Reg, Year, UPN) of 41 pupils in two registration groups imports all 41; Year and UPN are named as not read, and not stored", async () => {
    const cls = await makeClass(teacher, "8X Computing");
    const lines = ["Legal Surname,Legal Forename,Reg,Year,UPN"];
    for (let i = 0; i < 41; i++) lines.push(`Pupil${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))},Sam,${i < 30 ? "8X" : "8Y"},8,H82300001${String(1000 + i)}`);
    const view = await classPreview(cls.id, { pasted: lines.join("\r\n") });
    expect(problemsOf(view)).toEqual([]);
    expect(view.counts).toEqual({ create: 41, update: 0, move: 0, unchanged: 0 });
    expect(rowsOf(view)[0]).toBe("2 Sam PupilAA sam.pupilaa create 8X Computing");
    expect(notesOf(view)).toEqual([
      '(pasted) teach.import.note.ignoredColumns {"columns":["Year","UPN"]}',
      // the registration groups are not this class: read for information only, never a dead end
      '- teach.import.note.groupNotThisClass {"column":"Reg","name":"8X Computing","groups":["8X","8Y"]}',
    ]);
    const { status } = await post(classImport, teacher, `/teach/classes/${cls.id}/import`, { classId: cls.id }, { intent: "confirm", token: view.token });
    expect(status).toBe(200);
    const roster = await classRoster(cls.id);
    expect(roster).toHaveLength(41);
    expect(roster.every((s) => s.sourceId === null)).toBe(true);
    const everything = JSON.stringify(await db().select().from(users).where(eq(users.schoolId, school.school.id)));
    expect(everything).not.toContain("H823000");
  });

  it("a Reg column (8X) does not stop the import into 8X Computing, and a header row is never a student", async () => {
    const cls = await makeClass(teacher, "8X Science");
    const view = await classPreview(cls.id, { files: [new File(["Forename,Surname,Reg\nOliver,Smith,8X\nAmelia,Jones,8X\n"], "8X.csv")] });
    expect(problemsOf(view)).toEqual([]);
    expect(rowsOf(view)).toEqual(["2 Oliver Smith oliver.smith create 8X Science", "3 Amelia Jones amelia.jones create 8X Science"]);
  });

  it("a Class column that names this class still leaves out the rows of other classes", async () => {
    const cls = await makeClass(teacher, "9A Computing");
    const view = await classPreview(cls.id, { pasted: "Forename,Surname,Reg,Class\nAda,Byte,9A,9A Computing\nBen,Bit,9B,9B Computing\n" });
    expect(problemsOf(view)).toEqual(['(pasted):3 teach.import.problem.otherClass {"name":"9B Computing"}']);
    expect(rowsOf(view)).toEqual(["2 Ada Byte ada.byte create 9A Computing"]);
    expect(notesOf(view)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["Reg"]}']);
  });
});

describe("the admin's school-wide import", () => {
  it("a registration group column fills the classes when there is no Class column", async () => {
    const { view } = await post(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", pasted: "Forename,Surname,Form\nCal,Dee,10Q\nEve,Fay,10R\n" });
    const preview = view as Preview;
    expect(problemsOf(preview)).toEqual([]);
    expect(rowsOf(preview)).toEqual(["2 Cal Dee cal.dee create 10Q", "3 Eve Fay eve.fay create 10R"]);
    expect(preview.newClasses.map((c) => c.title)).toEqual(["10Q", "10R"]);
  });

  it("a Class column is the class; the registration group beside it is named as not read", async () => {
    const before = await db().select({ id: classes.id }).from(classes).where(eq(classes.schoolId, school.school.id));
    const { view } = await post(schoolImport, school.admin, "/admin/import", {}, { intent: "preview", pasted: "Forename,Surname,Reg,Class\nCal,Dee,10Q,10 Computing\n" });
    const preview = view as Preview;
    expect(rowsOf(preview)).toEqual(["2 Cal Dee cal.dee create 10 Computing"]);
    expect(notesOf(preview)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["Reg"]}']);
    expect(await db().select({ id: classes.id }).from(classes).where(eq(classes.schoolId, school.school.id))).toEqual(before);
  });
});

describe("the template to download", () => {
  const download = async (user: SessionUser | null, query = "", headers: Record<string, string> = {}) => {
    const out = await template({ request: await requestAs(user, `/teach/roster-template.csv${query}`, { headers }), params: {}, context: ctx }).catch((r: Response) => r);
    return out as Response;
  };

  /** The file as saved, its byte-order mark kept (Excel reads the Chinese headers by it). */
  const saved = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());

  it("is a CSV of the headers the import recognises, in the reader's language", async () => {
    const english = await download(teacher);
    expect(english.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(english.headers.get("Content-Disposition")).toMatch(/^attachment; filename="roster-template\.csv"/);
    expect(await saved(english)).toBe("\uFEFFForename,Surname,Student number\r\n");
    const chinese = await download(teacher, "?lang=zh-Hans");
    expect(await saved(chinese)).toBe("\uFEFF姓名,学号\r\n");
    expect(chinese.headers.get("Content-Disposition")).toContain(encodeURIComponent("名单模板.csv"));
    const traditional = await download(teacher, "", { "Accept-Language": "zh-TW" });
    expect(await saved(traditional)).toBe("\uFEFF姓名,學號\r\n");
    // the school's import needs each student's class
    expect(await saved(await download(school.admin, "?for=school"))).toBe("\uFEFFForename,Surname,Student number,Class\r\n");
    expect(await saved(await download(school.admin, "?for=school&lang=zh-Hans"))).toBe("\uFEFF姓名,学号,班级\r\n");
  });

  it("filled in, imports as it is, in each language", async () => {
    const cls = await makeClass(teacher, "Template class");
    for (const [query, row] of [["", "Tia,Ode,31"], ["?lang=zh-Hans", "周杰,32"], ["?lang=zh-Hant", "陳怡,33"]] as const) {
      const text = (await saved(await download(teacher, query))) + row + "\r\n";
      const view = await classPreview(cls.id, { files: [new File([text], "template.csv")] });
      expect(problemsOf(view)).toEqual([]);
      expect(view.notes).toEqual([]);
      expect(view.rows).toHaveLength(1);
    }
  });

  it("is for staff only", async () => {
    const student = await makeUser(school.school.id, "student");
    expect((await download(student)).status).toBe(404);
    const visitor = await download(null);
    expect(visitor.status).toBe(302);
  });
});
