/**
 * A plain table's header row, as schools' exports write it: a UK information system's
 * (SIMS, Arbor, Bromcom: Forename and Surname, Legal Surname, Reg, Year, UPN), a teacher's own
 * spreadsheet (First name, Name), a Chinese class list (姓名, 学号, 性别). Found in a UK teacher's
 * walk: `Forename<TAB>Surname` made a student called "Forename" and used surnames as usernames,
 * and a SIMS paste with Reg, Year and UPN had every row left out as "a comma inside a name?".
 * Columns Lantern does not use are named in the preview and never read (decision 027).
 */
import { describe, expect, it } from "vitest";
import { readRoster, type RosterInput } from "~/models/roster-input.server";

const paste = (text: string) => readRoster([], text);
const students = (input: RosterInput) => input.students.map((s) => [s.displayName, s.username, s.classRefs.join("|")]);
const problems = (input: RosterInput) => input.problems.map((p) => `${p.line ?? "-"} ${p.key}${p.values ? " " + JSON.stringify(p.values) : ""}`);
const notes = (input: RosterInput) => input.notes.map((n) => `${n.file} ${n.key} ${JSON.stringify(n.lists ?? n.values ?? {})}`);

/** A SIMS "Legal Surname, Legal Forename, Reg, Year, UPN" export of 41 pupils, as the walk pasted it. */
const FORENAMES = ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Lily", "Arthur", "Freya", "Muhammad", "Grace", "Oscar", "Sophia", "Charlie", "Rosie", "Theo"];
const SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"];
const sims = ["Legal Surname,Legal Forename,Reg,Year,UPN"];
for (let i = 0; i < 41; i++) sims.push(`${SURNAMES[i % 21]},${FORENAMES[(i * 5 + Math.floor(i / 21)) % 21]},${i % 2 ? "8Y" : "8X"},Year 8,A8230000${String(1000 + i)}`);

describe("a UK information system's header", () => {
  it("Forename and Surname (tab-separated, as pasted from Excel) make 'Forename Surname', usernames from the whole name", () => {
    const input = paste("Forename\tSurname\nOliver\tSmith\nAmelia\tJones\n");
    expect(problems(input)).toEqual([]);
    expect(students(input)).toEqual([
      ["Oliver Smith", null, ""],
      ["Amelia Jones", null, ""],
    ]);
  });

  it.each([
    ["First name,Last name"],
    ["first_name,last_name"],
    ["FIRST NAME,LAST NAME"],
    ["FirstName,LastName"],
    ["Given name,Family name"],
    ["Forenames,Surname"],
    ["Legal Forename,Legal Surname"],
    ["Preferred forename,Surname"],
  ])("%s is a header of given and family names", (header) => {
    expect(students(paste(`${header}\nOliver,Smith\n`))).toEqual([["Oliver Smith", null, ""]]);
  });

  it("a preferred forename is the name used, the legal one where it is empty", () => {
    const input = paste("Legal Surname,Legal Forename,Preferred Forename\nSmith,Oliver,Ollie\nJones,Amelia,\n");
    expect(students(input)).toEqual([
      ["Ollie Smith", null, ""],
      ["Amelia Jones", null, ""],
    ]);
  });

  it.each([["Name"], ["Full name"], ["Student name"], ["Pupil name"], ["pupil_name"], ["STUDENT NAME"]])("%s is the whole name", (header) => {
    expect(students(paste(`${header},Username\nOliver Smith,osmith\n`))).toEqual([["Oliver Smith", "osmith", ""]]);
  });

  it("a name written 'Surname, Forename' (an information system's Name column) reads as 'Forename Surname'", () => {
    expect(students(paste('Name,Reg\n"Smith, Oliver",8X\n"Patel,Aarav",8X\nMaya Lee,8X\n'))).toEqual([
      ["Oliver Smith", null, "8X"],
      ["Aarav Patel", null, "8X"],
      ["Maya Lee", null, "8X"],
    ]);
  });

  it("the SIMS paste of 41 pupils reads every row, the registration group as the group, and neither Year nor UPN", () => {
    const input = paste(sims.join("\n"));
    expect(problems(input)).toEqual([]);
    expect(input.students).toHaveLength(41);
    expect(students(input).slice(0, 3)).toEqual([
      ["Oliver Smith", null, "8X"],
      ["Ava Jones", null, "8Y"],
      ["Leo Taylor", null, "8X"],
    ]);
    expect(notes(input)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["Year","UPN"]}']);
    // children's data minimisation: an ignored column is not read, so it is in nothing the import keeps or seals
    expect(JSON.stringify(input)).not.toMatch(/A8230000|Year 8/);
  });

  it.each([
    ["UPN,Student ID", "x"],
    ["Admission number", "x"],
    ["Adno", "x"],
  ])("%s marks a header row", (extra) => {
    const input = paste(`Forename,Surname,${extra}\nOliver,Smith,123\n`);
    expect(input.students.map((s) => s.displayName)).toEqual(["Oliver Smith"]);
  });

  it("an admission number tells two pupils of one name apart, and is not kept", () => {
    const input = paste("Forename,Surname,Adno\nOliver,Smith,1001\nOliver,Smith,1002\nOliver,Smith,1001\n");
    expect(students(input)).toEqual([
      ["Oliver Smith", null, ""],
      ["Oliver Smith", null, ""],
    ]);
    expect(problems(input)).toEqual(['4 teach.import.problem.duplicateNumber {"number":"1001"}']);
    expect(JSON.stringify(input.students)).not.toContain("1001");
  });

  it("a date of birth, gender and UPN are named as ignored, never read, never a name", () => {
    const input = paste("UPN,Forename,Surname,Gender,DOB,Year Group,Tutor Group\nK823000012345,Oliver,Smith,M,2012-09-14,8,8X\n");
    expect(students(input)).toEqual([["Oliver Smith", null, "8X"]]);
    expect(notes(input)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["UPN","Gender","DOB","Year Group"]}']);
    expect(JSON.stringify(input)).not.toMatch(/K8230000|2012-09-14/);
  });

  it("a Class column is the class; a registration group beside it is not read", () => {
    const input = paste("Forename,Surname,Reg,Class\nOliver,Smith,8X,8X Computing\n");
    expect(students(input)).toEqual([["Oliver Smith", null, "8X Computing"]]);
    expect(notes(input)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["Reg"]}']);
  });

  it.each([["Reg"], ["Reg group"], ["Registration group"], ["Form"], ["Tutor group"], ["Form group"]])("%s is a registration group (the group when there is no Class column)", (header) => {
    const input = paste(`Forename,Surname,${header}\nOliver,Smith,8X\n`);
    expect(students(input)).toEqual([["Oliver Smith", null, "8X"]]);
    expect(input.groupColumn).toBe(header);
  });

  it("a table without a header that has more columns than name, username, e-mail, class asks for a header, not about commas", () => {
    const input = paste("Smith,Oliver,8X,8,A1\nJones,Amelia,8Y,8,A2\n");
    expect(problems(input)).toEqual(['- teach.import.problem.unknownColumns {"found":5}']);
    expect(input.students).toEqual([]);
  });
});

describe("a Chinese class list", () => {
  it("姓名, 学号, 班级 are read as before; 序号 and 性别 are named as ignored", () => {
    const input = paste("序号,学号,姓名,性别,班级\n1,2023001,王芳,女,初一（3）班\n");
    expect(students(input)).toEqual([["王芳", null, "初一（3）班"]]);
    expect(notes(input)).toEqual(['(pasted) teach.import.note.ignoredColumns {"columns":["序号","性别"]}']);
    expect(JSON.stringify(input)).not.toContain("女");
  });

  it("姓 and 名 in two columns make the name family name first", () => {
    expect(students(paste("姓,名,出生日期\n李,伟,2012-01-01\n欧阳,娜娜,2012-02-02\n"))).toEqual([
      ["李伟", null, ""],
      ["欧阳娜娜", null, ""],
    ]);
  });

  it("名字 is still the whole name", () => {
    expect(students(paste("名字,用户名\n王小明,wangxm\n"))).toEqual([["王小明", "wangxm", ""]]);
  });
});
