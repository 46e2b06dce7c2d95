/**
 * An uploaded roster, read into one shape whatever it came as: a OneRoster 1.2 CSV export (a zip,
 * or its users / classes / enrollments / orgs files uploaded one by one), or a plain table of
 * students (a CSV file or text pasted from Excel or Sheets). Reading writes nothing; every row
 * that cannot be used is named by file and line with the reason, as a catalog key.
 */
import { unzipSync } from "fflate";
import type { MessageKey } from "~/i18n/catalog/en";
import { readCsvRecords, type CsvLineProblem } from "./csv-records";
import { decodeRosterBytes, REPLACEMENT } from "./roster-decode";
import { repeatFinder, type Repeat, type RowIdentity } from "./roster-repeats";
import { plainName } from "~/utils/plain-name";
import { normalizeUsername, USERNAME_PATTERN } from "./credentials";

/** More students than any school's single import; past it nothing is read (the message says so). */
export const MAX_ROSTER_ROWS = 5_000;
/**
 * Lines of a OneRoster export read at most, its files together: it holds every enrolment of its
 * students (5,000 in ten classes each is 50,000 lines, with the users 55,000), and an export past
 * this is not read. Reading 50,000 enrolments with 5,000 users took 38 MB of heap, 100,000 took
 * 68 MB: the server has 128 MB (decision 027). Plain tables stop, together, one row past
 * MAX_ROSTER_ROWS. The bound is the whole upload's, not each file's: a zip of forty tables of
 * 5,000 rows each was read whole before the count of students refused it (106 MB of heap).
 */
const MAX_ONEROSTER_LINES = 60_000;
/** Tables in one zip at most (a OneRoster export has four). */
const MAX_ZIPPED_TABLES = 20;
/** A zip may hold at most this much once unpacked (a zip bomb is refused before it is inflated). */
const MAX_UNZIPPED_BYTES = 20_000_000;
/** The file name shown for text pasted into the form. */
export const PASTED = "(pasted)";

export interface RosterProblem {
  file: string;
  /** The line in that file (1 is the header); null for the whole file. */
  line: number | null;
  key: MessageKey;
  values?: Record<string, string | number>;
  /** The row this one repeats (the page says where it is, in the reader's language). */
  earlier?: { file: string; line: number };
}

export interface InputStudent {
  file: string;
  line: number;
  /** OneRoster sourcedId, when the file comes from an information system. */
  sourceId: string | null;
  displayName: string;
  username: string | null;
  /** The school sign-in subjects the information system lists for the student (OneRoster userIds). */
  ssoSubjects: string[];
  /** Class references: OneRoster class sourcedIds, or class names in a plain table. */
  classRefs: string[];
}

export interface InputClass {
  ref: string;
  sourceId: string | null;
  title: string;
  /** E-mail addresses of the class's teachers in the information system (to find them in Lantern). */
  teacherEmails: string[];
}

export interface RosterInput {
  format: "oneroster" | "plain";
  students: InputStudent[];
  classes: InputClass[];
  problems: RosterProblem[];
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const ONEROSTER_FILES = ["users.csv", "classes.csv", "enrollments.csv", "orgs.csv"] as const;
type OneRosterFile = (typeof ONEROSTER_FILES)[number];

/** Reads the uploaded files and the pasted text into one roster (the pasted text counts as one more plain table). */
export function readRoster(files: UploadedFile[], pasted: string): RosterInput {
  const problems: RosterProblem[] = [];
  const texts = new Map<string, string>();
  const addText = (name: string, bytes: Uint8Array) => {
    const { text } = decodeRosterBytes(bytes);
    // A NUL is in no table's text (a binary file named .csv), and PostgreSQL could not store it.
    if (text.includes("\u0000")) problems.push({ file: name, line: null, key: "teach.import.problem.notCsv" });
    else texts.set(name, text);
  };
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) {
      const unpacked = unzipRoster(file);
      if (!unpacked) problems.push({ file: file.name, line: null, key: "teach.import.problem.badZip" });
      else for (const inner of unpacked) addText(inner.name, inner.bytes);
    } else if (/\.(csv|tsv|txt)$/i.test(file.name)) {
      addText(baseName(file.name), file.bytes);
    } else {
      // a workbook (.xlsx, .numbers) is not text: the spreadsheet can save it as CSV
      problems.push({ file: baseName(file.name), line: null, key: "teach.import.problem.notCsv" });
    }
  }
  const oneRoster = new Map<OneRosterFile, string>();
  const plain: [string, string][] = [];
  for (const [name, text] of texts) {
    const known = ONEROSTER_FILES.find((f) => f === name.toLowerCase());
    if (known) oneRoster.set(known, text);
    else if (/\.(csv|tsv|txt)$/i.test(name)) plain.push([name, text]);
  }
  if (pasted.trim()) plain.push([PASTED, pasted]);
  if (oneRoster.size > 0) {
    const lines = lineBudget(MAX_ONEROSTER_LINES, "teach.import.problem.tooManyLines");
    const input = readOneRoster(oneRoster, lines);
    for (const [name] of plain) input.problems.push({ file: name, line: null, key: "teach.import.problem.mixedFormats" });
    input.problems.unshift(...problems);
    return cap(input, lines);
  }
  if (plain.length === 0 && problems.length === 0) problems.push({ file: PASTED, line: null, key: "teach.import.problem.nothing" });
  const input: RosterInput = { format: "plain", students: [], classes: [], problems };
  const repeatOf = repeatFinder();
  // a header for each table, the most students an import takes, and one more to know there are more
  const lines = lineBudget(plain.length + MAX_ROSTER_ROWS + 1, "teach.import.problem.tooMany", MAX_ROSTER_ROWS);
  for (const [name, text] of plain) readPlainTable(name, text, input, repeatOf, lines);
  return cap(input, lines);
}

/** An upload with more lines or students than an import takes is refused whole, with one reason. */
function cap(input: RosterInput, lines: LineBudget): RosterInput {
  const refuse = (problem: RosterProblem): RosterInput => ({ ...input, students: [], classes: [], problems: [problem] });
  if (lines.cutIn !== null) return refuse({ file: lines.cutIn, line: null, key: lines.key, values: { max: lines.max } });
  if (input.students.length <= MAX_ROSTER_ROWS) return input;
  return refuse({ file: input.students[MAX_ROSTER_ROWS]!.file, line: null, key: "teach.import.problem.tooMany", values: { max: MAX_ROSTER_ROWS } });
}

/** Lines the upload's tables may still take, together; `cutIn`: the file where they ran out. */
interface LineBudget {
  left: number;
  key: MessageKey;
  /** The number the message names. */
  max: number;
  cutIn: string | null;
}

function lineBudget(lines: number, key: MessageKey, max = lines): LineBudget {
  return { left: lines, key, max, cutIn: null };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function unzipRoster(file: UploadedFile): UploadedFile[] | null {
  try {
    let total = 0;
    let tables = 0;
    const entries = unzipSync(file.bytes, {
      filter: (entry) => {
        const wanted = /\.(csv|tsv|txt)$/i.test(entry.name) && !baseName(entry.name).startsWith(".");
        if (wanted) {
          total += entry.originalSize;
          tables++;
        }
        if (total > MAX_UNZIPPED_BYTES || tables > MAX_ZIPPED_TABLES) throw new Error("zip too large once unpacked");
        return wanted;
      },
    });
    return Object.entries(entries).map(([name, bytes]) => ({ name: baseName(name), bytes }));
  } catch {
    return null;
  }
}

interface Row {
  line: number;
  cells: string[];
}

interface Table {
  header: string[];
  rows: Row[];
}

const LINE_PROBLEM_KEYS: Record<CsvLineProblem["kind"], MessageKey> = {
  badQuote: "teach.import.problem.badQuote",
  quoteSpansLines: "teach.import.problem.quoteSpansLines",
  unreadable: "teach.import.problem.badCsv",
};

/**
 * CSV (or tab-separated) text as rows with their line numbers. A line that is not valid CSV is a
 * problem at that line and the other rows are read; null when the text cannot be read at all (a
 * quotation mark never closed: nothing after it has a row boundary), named at the line it opens on.
 */
function readTable(file: string, text: string, problems: RosterProblem[], lines: LineBudget): Row[] | null {
  if (lines.cutIn !== null) return null;
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const reading = readCsvRecords(text, delimiter, lines.left);
  if (!reading.readable) {
    problems.push({ file, line: reading.quoteOpensOnLine, key: "teach.import.problem.quoteNeverClosed" });
    return null;
  }
  lines.left -= reading.records;
  if (reading.cutShort) {
    lines.cutIn = file;
    return null;
  }
  for (const p of reading.problems) problems.push({ file, line: p.line, key: LINE_PROBLEM_KEYS[p.kind], ...(p.kind === "quoteSpansLines" ? { values: { last: p.last } } : {}) });
  return reading.rows;
}

/** How many values a row holds: empty cells after the last value (Excel writes them) do not count. */
function valueCount(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.trim() !== "") return i + 1;
  return 0;
}

/** Rows with more values than there are columns are named and left out: a comma in a value shifted them. */
function withinColumns(file: string, rows: Row[], columns: number, problems: RosterProblem[]): Row[] {
  return rows.filter(({ line, cells }) => {
    const found = valueCount(cells);
    if (found <= columns) return true;
    problems.push({ file, line, key: "teach.import.problem.tooManyColumns", values: { found, expected: columns } });
    return false;
  });
}

/** A OneRoster file's header and rows; null when the file could not be read (already named). */
function withHeader(file: string, text: string, problems: RosterProblem[], lines: LineBudget): Table | null {
  const rows = readTable(file, text, problems, lines);
  if (!rows) return null;
  const [head, ...body] = rows;
  const header = (head?.cells ?? []).map((c) => c.trim());
  return { header, rows: withinColumns(file, body, valueCount(header), problems) };
}

const hasBadEncoding = (cells: string[]) => cells.some((c) => c.includes(REPLACEMENT));

/** A OneRoster column's value by name, or "" when the row is short. */
function column(table: Table, cells: string[], name: string): string {
  const i = table.header.indexOf(name);
  return i < 0 ? "" : (cells[i] ?? "").trim();
}

function requireColumns(file: string, table: Table | null, names: string[], problems: RosterProblem[]): table is Table {
  if (!table) return false;
  const missing = names.filter((n) => !table.header.includes(n));
  for (const name of missing) problems.push({ file, line: 1, key: "teach.import.problem.missingColumn", values: { column: name } });
  return missing.length === 0;
}

const HAN = /\p{Script=Han}/u;

/** "Wei" "Li" → "Wei Li"; 伟 李 → 李伟 (Chinese names: family name first, no space). */
function personName(given: string, family: string): string {
  if (HAN.test(given + family)) return plainName(`${family}${given}`).replace(/\s+/g, "");
  return plainName([given, family].filter(Boolean).join(" "));
}

/** OneRoster userIds: "{Google:1234},{LDAP:abc}". Only identifiers labelled as school sign-in count. */
function ssoSubjectsOf(userIds: string): string[] {
  return [...userIds.matchAll(/\{\s*([^:{}]+?)\s*:\s*([^{}]+?)\s*\}/g)]
    .filter((m) => /^(sso|oidc|openid|google|microsoft|entra|azure)$/i.test(m[1]!))
    .map((m) => m[2]!);
}

function readOneRoster(files: Map<OneRosterFile, string>, lines: LineBudget): RosterInput {
  const problems: RosterProblem[] = [];
  for (const name of ["users.csv", "classes.csv", "enrollments.csv"] as const) {
    if (!files.has(name)) problems.push({ file: name, line: null, key: "teach.import.problem.missingFile" });
  }
  const input: RosterInput = { format: "oneroster", students: [], classes: [], problems };
  if (problems.length > 0) return input;
  if (files.has("orgs.csv")) requireColumns("orgs.csv", withHeader("orgs.csv", files.get("orgs.csv")!, problems, lines), ["sourcedId", "name", "type"], problems);

  const classes = withHeader("classes.csv", files.get("classes.csv")!, problems, lines);
  const classById = new Map<string, InputClass>();
  const classesReadable = requireColumns("classes.csv", classes, ["sourcedId", "title"], problems);
  if (classesReadable) {
    for (const { line, cells } of classes.rows) {
      if (hasBadEncoding(cells)) problems.push({ file: "classes.csv", line, key: "teach.import.problem.badEncoding" });
      else if (column(classes, cells, "status") === "tobedeleted") continue;
      else {
        const sourceId = column(classes, cells, "sourcedId");
        const title = plainName(column(classes, cells, "title")).slice(0, 80);
        if (!sourceId || !title) problems.push({ file: "classes.csv", line, key: "teach.import.problem.missingValue", values: { column: !sourceId ? "sourcedId" : "title" } });
        else if (classById.has(sourceId)) problems.push({ file: "classes.csv", line, key: "teach.import.problem.duplicateId", values: { id: sourceId } });
        else classById.set(sourceId, { ref: sourceId, sourceId, title, teacherEmails: [] });
      }
    }
  }

  const users = withHeader("users.csv", files.get("users.csv")!, problems, lines);
  const students = new Map<string, InputStudent>();
  const teacherEmails = new Map<string, string>();
  /** Users already named as a problem: their enrollments are not named again. */
  const named = new Set<string>();
  const usersReadable = requireColumns("users.csv", users, ["sourcedId", "role", "givenName", "familyName"], problems);
  if (usersReadable) {
    for (const { line, cells } of users.rows) {
      const role = column(users, cells, "role");
      if (column(users, cells, "status") === "tobedeleted" || (role !== "student" && role !== "teacher")) continue;
      const sourceId = column(users, cells, "sourcedId");
      if (hasBadEncoding(cells)) {
        problems.push({ file: "users.csv", line, key: "teach.import.problem.badEncoding" });
        named.add(sourceId);
        continue;
      }
      if (!sourceId) {
        problems.push({ file: "users.csv", line, key: "teach.import.problem.missingValue", values: { column: "sourcedId" } });
        continue;
      }
      if (role === "teacher") {
        const email = column(users, cells, "email").toLowerCase();
        if (email) teacherEmails.set(sourceId, email);
        continue;
      }
      const given = column(users, cells, "preferredGivenName") || column(users, cells, "givenName");
      const family = column(users, cells, "preferredFamilyName") || column(users, cells, "familyName");
      const displayName = personName(given, family).slice(0, 60);
      if (!displayName) {
        problems.push({ file: "users.csv", line, key: "teach.import.problem.missingName" });
        named.add(sourceId);
      } else if (students.has(sourceId)) problems.push({ file: "users.csv", line, key: "teach.import.problem.duplicateId", values: { id: sourceId } });
      else {
        students.set(sourceId, {
          file: "users.csv",
          line,
          sourceId,
          displayName,
          username: usernameOrNull(column(users, cells, "username")),
          ssoSubjects: ssoSubjectsOf(column(users, cells, "userIds")),
          classRefs: [],
        });
      }
    }
  }

  const enrollments = withHeader("enrollments.csv", files.get("enrollments.csv")!, problems, lines);
  // without readable users and classes every enrollment would be named again: the missing column says it all
  if (requireColumns("enrollments.csv", enrollments, ["classSourcedId", "userSourcedId", "role"], problems) && usersReadable && classesReadable) {
    for (const { line, cells } of enrollments.rows) {
      if (column(enrollments, cells, "status") === "tobedeleted") continue;
      if (hasBadEncoding(cells)) {
        problems.push({ file: "enrollments.csv", line, key: "teach.import.problem.badEncoding" });
        continue;
      }
      const classId = column(enrollments, cells, "classSourcedId");
      const userId = column(enrollments, cells, "userSourcedId");
      const role = column(enrollments, cells, "role");
      const cls = classById.get(classId);
      if (role !== "student" && role !== "teacher") continue;
      if (!cls) {
        problems.push({ file: "enrollments.csv", line, key: "teach.import.problem.unknownClass", values: { id: classId } });
        continue;
      }
      if (role === "teacher") {
        const email = teacherEmails.get(userId);
        if (email) cls.teacherEmails.push(email);
        continue;
      }
      const student = students.get(userId);
      if (!student) {
        if (!named.has(userId)) problems.push({ file: "enrollments.csv", line, key: "teach.import.problem.unknownStudent", values: { id: userId } });
        continue;
      }
      if (!student.classRefs.includes(classId)) student.classRefs.push(classId);
    }
  }
  input.students = [...students.values()];
  markDuplicateUsernames(input);
  // students with no class in this export are not part of any import
  input.students = input.students.filter((s) => s.classRefs.length > 0);
  const used = new Set(input.students.flatMap((s) => s.classRefs));
  input.classes = [...classById.values()].filter((c) => used.has(c.ref));
  return input;
}

function usernameOrNull(raw: string): string | null {
  const username = normalizeUsername(raw);
  return USERNAME_PATTERN.test(username) ? username : null;
}

/** A username twice in one OneRoster export: the first row keeps it, every later one is named. */
function markDuplicateUsernames(input: RosterInput): void {
  const first = new Map<string, InputStudent>();
  input.students = input.students.filter((s) => {
    if (!s.username) return true;
    const earlier = first.get(s.username);
    if (!earlier) {
      first.set(s.username, s);
      return true;
    }
    input.problems.push({ file: s.file, line: s.line, key: "teach.import.problem.duplicateUsername", values: { username: s.username }, earlier: { file: earlier.file, line: earlier.line } });
    return false;
  });
}

const REPEAT_KEYS: Record<Repeat["by"], MessageKey> = {
  username: "teach.import.problem.duplicateUsername",
  number: "teach.import.problem.duplicateNumber",
  email: "teach.import.problem.duplicateEmail",
  name: "teach.import.problem.duplicateName",
};

function repeatProblem(row: RowIdentity, { earlier, by }: Repeat): RosterProblem {
  const values: Record<string, string> = by === "username" ? { username: row.username! } : by === "number" ? { number: row.number! } : { name: row.displayName };
  return { file: row.file, line: row.line, key: REPEAT_KEYS[by], values, earlier: { file: earlier.file, line: earlier.line } };
}

/** Header words a teacher's spreadsheet may use, in the languages Lantern speaks. */
const HEADER_WORDS: Record<"name" | "username" | "email" | "class" | "number", RegExp> = {
  name: /^(name|full ?name|display ?name|student|student ?name|姓名|名字|学生|學生|学生姓名|學生姓名)$/i,
  username: /^(username|user ?name|login|user ?id|用户名|用戶名|使用者名稱|账号|帳號|登录名|登入名稱)$/i,
  email: /^(e-?mail|e-?mail address|邮箱|郵箱|电子邮件|電子郵件|电邮|電郵)$/i,
  class: /^(class|class ?name|form|group|班级|班級|班)$/i,
  // a school's own student number: Chinese class lists carry one (学号), and it tells namesakes apart
  number: /^(student ?(?:number|no\.?|id|#)|pupil ?(?:number|no\.?)|学号|學號|学籍号|學籍號|学生编号|學生編號)$/i,
};

/** A plain table: name, username (optional), e-mail (optional, never stored), class (optional). */
function readPlainTable(file: string, text: string, input: RosterInput, repeatOf: (row: RowIdentity) => Repeat | null, lines: LineBudget): void {
  const rows = readTable(file, text, input.problems, lines);
  if (!rows || rows.length === 0) return;
  const first = rows[0]!.cells.map((c) => c.trim());
  const headerIndex = (field: keyof typeof HEADER_WORDS) => first.findIndex((c) => HEADER_WORDS[field].test(c));
  const isHeader = (Object.keys(HEADER_WORDS) as (keyof typeof HEADER_WORDS)[]).some((f) => headerIndex(f) >= 0);
  let columns: Record<keyof typeof HEADER_WORDS, number>;
  if (isHeader) {
    columns = { name: headerIndex("name"), username: headerIndex("username"), email: headerIndex("email"), class: headerIndex("class"), number: headerIndex("number") };
    if (columns.name < 0) {
      input.problems.push({ file, line: rows[0]!.line, key: "teach.import.problem.missingColumn", values: { column: "name" } });
      return;
    }
  } else {
    // no header: the columns in the documented order (name, username, e-mail, class), an e-mail told apart by its @
    // (or its column left empty before a class)
    const hasEmail = rows.some((r) => (r.cells[2] ?? "").includes("@") || (valueCount(r.cells) === 4 && (r.cells[2] ?? "").trim() === ""));
    columns = { name: 0, username: 1, email: hasEmail ? 2 : -1, class: hasEmail ? 3 : 2, number: -1 };
  }
  const columnCount = isHeader ? valueCount(first) : columns.class + 1;
  const cell = (cells: string[], i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());
  for (const { line, cells } of withinColumns(file, isHeader ? rows.slice(1) : rows, columnCount, input.problems)) {
    if (hasBadEncoding(cells)) {
      input.problems.push({ file, line, key: "teach.import.problem.badEncoding" });
      continue;
    }
    const displayName = plainName(cell(cells, columns.name)).slice(0, 60);
    if (!displayName) {
      input.problems.push({ file, line, key: "teach.import.problem.missingName" });
      continue;
    }
    const rawUsername = cell(cells, columns.username);
    const username = usernameOrNull(rawUsername);
    if (rawUsername && !username) {
      input.problems.push({ file, line, key: "teach.import.problem.badUsername", values: { username: rawUsername.slice(0, 40) } });
      continue;
    }
    const className = plainName(cell(cells, columns.class)).slice(0, 80);
    // only to tell this upload's rows apart: class lists number students 1–45 in each class, so a
    // 学号 names no one school-wide and is not kept (a review found two classes' "1" merged)
    const number = cell(cells, columns.number).normalize("NFKC").replace(/\s+/g, "").slice(0, 64) || null;
    const identity: RowIdentity = { file, line, displayName, username, email: cell(cells, columns.email) || null, number, classRef: className };
    const repeat = repeatOf(identity);
    if (repeat) {
      input.problems.push(repeatProblem(identity, repeat));
      continue;
    }
    input.students.push({ file, line, sourceId: null, displayName, username, ssoSubjects: [], classRefs: className ? [className] : [] });
    if (className && !input.classes.some((c) => c.ref === className)) input.classes.push({ ref: className, sourceId: null, title: className, teacherEmails: [] });
  }
}

