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
 * 68 MB: the server has 192 MB (decisions 027, 005). Plain tables stop, together, one row past
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

/** Something the preview tells the teacher about how the upload was read (not a row left out). */
export interface RosterNote {
  /** The file it is about; null for the whole upload. */
  file: string | null;
  key: MessageKey;
  values?: Record<string, string | number>;
  /** Lists the page joins in the reader's language ("Year, UPN"; "年级、性别"). */
  lists?: Record<string, string[]>;
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
  notes: RosterNote[];
  /** A plain table's header of the column its classes were read from (Class, or Reg when there is no Class), as written. */
  groupColumn: string | null;
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
  const input: RosterInput = { format: "plain", students: [], classes: [], problems, notes: [], groupColumn: null };
  const repeatOf = repeatFinder();
  // a header for each table, the most students an import takes, and one more to know there are more
  const lines = lineBudget(plain.length + MAX_ROSTER_ROWS + 1, "teach.import.problem.tooMany", MAX_ROSTER_ROWS);
  for (const [name, text] of plain) readPlainTable(name, text, input, repeatOf, lines);
  return cap(input, lines);
}

/** An upload with more lines or students than an import takes is refused whole, with one reason. */
function cap(input: RosterInput, lines: LineBudget): RosterInput {
  const refuse = (problem: RosterProblem): RosterInput => ({ ...input, students: [], classes: [], problems: [problem], notes: [] });
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
  const input: RosterInput = { format: "oneroster", students: [], classes: [], problems, notes: [], groupColumn: null };
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

/** What a plain table's column holds, by its header. */
type Field = "name" | "given" | "family" | "username" | "email" | "class" | "group" | "number" | "other";

/**
 * Header words a teacher's spreadsheet or a school's information system (SIMS, Arbor, Bromcom, a
 * Chinese 学籍 export) may use, in the languages Lantern speaks, matched against the header as
 * `headerKey` writes it (no case, spaces, underscores, dashes or dots). A kind's patterns are in
 * the order its columns are read: a preferred forename before a legal one.
 */
const HEADER_WORDS: Record<Field, readonly RegExp[]> = {
  name: [/^(name|fullname|displayname|student|studentname|pupil|pupilname|姓名|名字|学生|學生|学生姓名|學生姓名)$/],
  given: [/^preferred(forenames?|firstname|givenname)$/, /^(forenames?|firstname|givenname|名)$/, /^legal(forenames?|firstname|givenname)$/],
  family: [/^preferred(surname|lastname|familyname)$/, /^(surname|lastname|familyname|姓|姓氏)$/, /^legal(surname|lastname|familyname)$/],
  username: [/^(username|login|loginname|userid|用户名|用戶名|使用者名稱|账号|帳號|登录名|登入名稱)$/],
  email: [/^(email|emailaddress|邮箱|郵箱|电子邮件|電子郵件|电子邮箱|電子郵箱|电邮|電郵)$/],
  class: [/^(class|classname|group|teachinggroup|班级|班級|班)$/],
  // a registration (tutor) group: the class only when there is no Class column (decision 027)
  group: [/^(reg|reggroup|registration|registrationgroup|form|formgroup|tutorgroup|homeroom)$/],
  // a school's own student number: it tells namesakes apart in this upload and is never kept
  number: [/^((student|pupil)(number|no|id|#)|admissionnumber|admissionno|admno|adno|学号|學號|学籍号|學籍號|学生编号|學生編號)$/],
  // recognised (so a header row of them is one) and never read: a child's data Lantern does not need
  other: [/^(upn|uniquepupilnumber|uln|year|yeargroup|yr|ncyear|dob|dateofbirth|birthdate|gender|sex|性别|性別|出生日期|生日|年级|年級|序号|序號)$/],
};

const FIELDS = Object.keys(HEADER_WORDS) as Field[];

/** "Legal_Surname", "legal surname", "LEGAL-SURNAME" → "legalsurname"; full-width letters as their ASCII. */
function headerKey(cell: string): string {
  return cell.normalize("NFKC").toLowerCase().replace(/[\s_\-.:·]+/g, "");
}

/** The header's columns by field, each list in the order its patterns give (the first is read first). */
function headerColumns(cells: string[]): Record<Field, number[]> {
  const found = Object.fromEntries(FIELDS.map((f) => [f, [] as { column: number; rank: number }[]])) as Record<Field, { column: number; rank: number }[]>;
  cells.forEach((cell, column) => {
    const key = headerKey(cell);
    for (const field of key ? FIELDS : []) {
      const rank = HEADER_WORDS[field].findIndex((word) => word.test(key));
      if (rank < 0) continue;
      found[field].push({ column, rank });
      return;
    }
  });
  return Object.fromEntries(FIELDS.map((f) => [f, found[f].sort((a, b) => a.rank - b.rank || a.column - b.column).map((c) => c.column)])) as Record<Field, number[]>;
}

/** The columns a plain table is read from (-1: none); the name is given and family names, else the name column. */
interface PlainColumns {
  name: number;
  given: number[];
  family: number[];
  username: number;
  email: number;
  class: number;
  number: number;
}

/** An information system's "Smith, Oliver" is Oliver Smith (a Chinese name has no comma to turn). */
function nameFromNameColumn(raw: string): string {
  const name = plainName(raw);
  const turned = /^([^,]+),\s*([^,]+)$/.exec(name);
  return turned && !HAN.test(name) ? `${turned[2]!.trim()} ${turned[1]!.trim()}` : name;
}

/** Ignored columns listed in a note at most; more end in "…". */
const IGNORED_LISTED = 12;

/**
 * A plain table: names (one column, or forename and surname), username (optional), e-mail
 * (optional, never stored), student number (optional, never stored), class (optional; a
 * registration group when there is no Class column). Any other column is not read, and the
 * preview names it.
 */
function readPlainTable(file: string, text: string, input: RosterInput, repeatOf: (row: RowIdentity) => Repeat | null, lines: LineBudget): void {
  const rows = readTable(file, text, input.problems, lines);
  if (!rows || rows.length === 0) return;
  const first = rows[0]!.cells.map((c) => c.trim());
  const found = headerColumns(first);
  const isHeader = FIELDS.some((f) => found[f].length > 0);
  let columns: PlainColumns;
  if (isHeader) {
    const classColumn = found.class[0] ?? found.group[0] ?? -1;
    columns = {
      name: found.name[0] ?? -1,
      given: found.given,
      family: found.family,
      username: found.username[0] ?? -1,
      email: found.email[0] ?? -1,
      class: classColumn,
      number: found.number[0] ?? -1,
    };
    if (columns.name < 0 && columns.given.length + columns.family.length === 0) {
      input.problems.push({ file, line: rows[0]!.line, key: "teach.import.problem.noNameColumn" });
      return;
    }
    if (classColumn >= 0) input.groupColumn ??= plainName(first[classColumn]!).slice(0, 40);
    const used = new Set([columns.name, ...columns.given, ...columns.family, columns.username, columns.email, columns.class, columns.number]);
    const ignored = first.flatMap((cell, i) => (used.has(i) || !plainName(cell) ? [] : [plainName(cell).slice(0, 40)]));
    if (ignored.length > 0) {
      const listed = ignored.length > IGNORED_LISTED ? [...ignored.slice(0, IGNORED_LISTED), "…"] : ignored;
      input.notes.push({ file, key: "teach.import.note.ignoredColumns", lists: { columns: listed } });
    }
  } else {
    // no header: the columns in the documented order (name, username, e-mail, class), an e-mail told apart by its @
    // (or its column left empty before a class)
    const hasEmail = rows.some((r) => (r.cells[2] ?? "").includes("@") || (valueCount(r.cells) === 4 && (r.cells[2] ?? "").trim() === ""));
    columns = { name: 0, given: [], family: [], username: 1, email: hasEmail ? 2 : -1, class: hasEmail ? 3 : 2, number: -1 };
    // every row longer than that is a table whose header is missing or not one Lantern knows, not commas in names
    if (rows.every((r) => valueCount(r.cells) > columns.class + 1)) {
      const widest = rows.reduce((most, r) => Math.max(most, valueCount(r.cells)), 0);
      input.problems.push({ file, line: null, key: "teach.import.problem.unknownColumns", values: { found: widest } });
      return;
    }
  }
  const columnCount = isHeader ? valueCount(first) : columns.class + 1;
  const cell = (cells: string[], i: number) => (i < 0 ? "" : (cells[i] ?? "").trim());
  const firstOf = (cells: string[], among: number[]) => among.map((i) => cell(cells, i)).find(Boolean) ?? "";
  for (const { line, cells } of withinColumns(file, isHeader ? rows.slice(1) : rows, columnCount, input.problems)) {
    if (hasBadEncoding(cells)) {
      input.problems.push({ file, line, key: "teach.import.problem.badEncoding" });
      continue;
    }
    const parts = personName(firstOf(cells, columns.given), firstOf(cells, columns.family));
    const displayName = (parts || nameFromNameColumn(cell(cells, columns.name))).slice(0, 60);
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
