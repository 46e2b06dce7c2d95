/**
 * The gradebook CSV opened in a real spreadsheet engine (SheetJS, which reads CSV the way Excel
 * and Google Sheets do: "9/9" becomes a date, "-0.5" a number). Every cell's type is checked:
 * points, maximum and percentage are numbers, the completion time is a date in the school's
 * zone, the status is text, and a student named "=cmd" stays text.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { getCourse, getLesson } from "../../app/course/course.server";
import type { Lesson } from "../../app/course/types";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import { updateSchoolSettings } from "../../app/models/schools.server";
import { toCsv } from "../../app/utils/csv";
import { loader as gradebookLoader } from "../../app/routes/teach.classes.$classId.export.gradebook[.csv]";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

let teacher: SessionUser;
let classId: string;
let tokens: Lesson;
// 2025-03-14 01:05 UTC is 09:05 in Shanghai (UTC+8 all year)
const COMPLETED_AT = "2025-03-14T01:05:00Z";

async function completeTokensWithScore(student: SessionUser) {
  const steps = tokens.content.en.steps.map((x) => x.id);
  await db().execute(sql`
    insert into lesson_progress (user_id, lesson_slug, steps_done, current_step, status, active_seconds, started_at, completed_at, updated_at)
    values (${student.id}, 'tokens', ${`{${[...steps, "_quiz"].join(",")}}`}::text[], '_quiz', 'completed', 600,
            ${COMPLETED_AT}::timestamptz - interval '1 hour', ${COMPLETED_AT}::timestamptz, ${COMPLETED_AT}::timestamptz)`);
  // all right except the first (a confident miss, -0.5) and the second ("not sure", 0)
  for (let i = 0; i < tokens.quiz.length; i++) {
    const right = i > 1;
    await db().execute(sql`
      insert into quiz_answers (user_id, lesson_slug, question_id, kind, attempt, choices, not_sure, confidence, correct, created_at)
      values (${student.id}, 'tokens', ${tokens.quiz[i]!.id}, 'quiz', 1, '{}'::text[], ${i === 1}, ${i === 1 ? null : "sure"},
              ${right}, ${COMPLETED_AT}::timestamptz)`);
  }
}

function sheetOf(csv: string | Uint8Array) {
  const data = typeof csv === "string" ? Buffer.from(csv, "utf8") : Buffer.from(csv);
  const book = XLSX.read(data, { type: "buffer", cellDates: true });
  return book.Sheets[book.SheetNames[0]!]!;
}

function cell(sheet: XLSX.WorkSheet, row: number, col: number): XLSX.CellObject | undefined {
  return sheet[XLSX.utils.encode_cell({ r: row, c: col })];
}

beforeAll(async () => {
  tokens = getLesson("tokens")!;
  const { school, admin } = await makeSchool();
  await updateSchoolSettings(admin, { timeZone: "Asia/Shanghai" });
  teacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher, "Class 7B")).id;
  await completeTokensWithScore(await makeStudentIn(classId, { displayName: "=cmd" }));
  await makeStudentIn(classId, { displayName: "王小明" });
});

describe("gradebook CSV in a spreadsheet engine", () => {
  it("reads numbers as numbers, the completion time as a date, status and names as text", async () => {
    const request = await requestAs(teacher, `/teach/classes/${classId}/export/gradebook.csv?lang=en`);
    // as the server runs every request (server/remix-handler.ts): the session sets the school's zone
    const res = (await inRequestScope(() => gradebookLoader({ request, params: { classId }, context: {} } as never), "GET")) as Response;
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sheet = sheetOf(bytes);

    const header = (col: number) => cell(sheet, 0, col)?.v;
    expect(header(0)).toBe("Student"); // the byte-order mark is not part of the first cell
    const lessonCols = (XLSX.utils.decode_range(sheet["!ref"]!).e.c + 1 - 2) / 5;
    expect(lessonCols).toBe(getCourse().lessons.length);
    const tokensCol = 2 + 5 * (tokens.number - 1);
    expect(header(tokensCol)).toMatch(/: status$/);
    expect(header(tokensCol + 1)).toMatch(/: quiz points$/);
    // the zone as the reader's language names it, as the assignment page does
    expect(header(tokensCol + 4)).toMatch(/completed at \(China Standard Time\)$/);

    // rows sorted by name: "=cmd" first, then 王小明
    const name = cell(sheet, 1, 0)!;
    expect(name.t).toBe("s");
    expect(name.v).toBe("'=cmd"); // neutralised: text, never a formula
    expect(name.f).toBeUndefined();

    const status = cell(sheet, 1, tokensCol)!;
    const points = cell(sheet, 1, tokensCol + 1)!;
    const max = cell(sheet, 1, tokensCol + 2)!;
    const percent = cell(sheet, 1, tokensCol + 3)!;
    const completed = cell(sheet, 1, tokensCol + 4)!;
    expect(status).toMatchObject({ t: "s", v: "Completed" });
    const expectedPoints = tokens.quiz.length - 2 - 0.5;
    expect(points).toMatchObject({ t: "n", v: expectedPoints });
    expect(max).toMatchObject({ t: "n", v: tokens.quiz.length });
    expect(percent).toMatchObject({ t: "n", v: Math.round((1000 * expectedPoints) / tokens.quiz.length) / 10 });
    expect(completed.t).toBe("d");
    // SheetJS reads a zone-less date-time as that wall-clock time (it stores it as UTC fields)
    const at = completed.v as Date;
    expect([at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()]).toEqual([2025, 3, 14, 9, 5]);

    // a student who has not started: text status, empty points, the maximum still a number
    expect(cell(sheet, 2, 0)).toMatchObject({ t: "s", v: "王小明" });
    expect(cell(sheet, 2, tokensCol)).toMatchObject({ t: "s", v: "Not started" });
    expect(cell(sheet, 2, tokensCol + 1)?.v ?? null).toBeNull();
    expect(cell(sheet, 2, tokensCol + 2)).toMatchObject({ t: "n", v: tokens.quiz.length });
  });

  // Found in a walk as a mainland teacher: 完成时间（Asia/Shanghai） in a sheet otherwise in Chinese
  it("names the school's zone in the teacher's language", async () => {
    const request = await requestAs(teacher, `/teach/classes/${classId}/export/gradebook.csv?lang=zh-Hans`);
    const res = (await inRequestScope(() => gradebookLoader({ request, params: { classId }, context: {} } as never), "GET")) as Response;
    const sheet = sheetOf(new Uint8Array(await res.arrayBuffer()));
    expect(cell(sheet, 0, 2 + 5 * (tokens.number - 1) + 4)?.v).toMatch(/：完成时间（中国标准时间）$/);
  });

  it("neutralises formulas in text only: a negative number stays a number", () => {
    const sheet = sheetOf(toCsv([["=cmd", "-0.5", -0.5, "@SUM(A1)", 7.5, "+1"]]));
    expect(cell(sheet, 0, 0)).toMatchObject({ t: "s", v: "'=cmd" });
    expect(cell(sheet, 0, 1)!.t).not.toBe("n"); // text that looks like a number is never a number
    expect(cell(sheet, 0, 2)).toMatchObject({ t: "n", v: -0.5 });
    expect(cell(sheet, 0, 3)).toMatchObject({ t: "s", v: "'@SUM(A1)" });
    expect(cell(sheet, 0, 4)).toMatchObject({ t: "n", v: 7.5 });
    expect(cell(sheet, 0, 5)).toMatchObject({ t: "s", v: "'+1" });
  });
});
