/**
 * Roster import (issue 17 item 2): what a read roster would change, and making exactly that
 * change once the teacher confirms.
 *
 * The plan is computed from the file and the database, and nothing else: the same file against
 * the same database gives the same plan, and its fingerprint. The preview hands the read file
 * back to the browser sealed (encrypted and authenticated, with the actor, the class and the
 * fingerprint); the confirm plans again and applies only when the fingerprint is unchanged, so
 * what is written is what was shown, and a class that changed meanwhile is refused.
 *
 * Matching (idempotent re-imports): the OneRoster sourcedId stored on the account, else a school
 * sign-in subject the information system lists for the student (OneRoster userIds; never an
 * e-mail: decision 019), else the username — only an account the actor already reaches — else,
 * for a row with neither, a student of the same name already in the target class (two of that
 * name there: the row is named, not guessed and not made a third; decision 027). A teacher
 * imports into their own class only (another teacher's class is a 404) and renames only students
 * whose every class is theirs (decision 008).
 */
import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { classes, enrollments, ssoIdentities, users } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { seal, unseal } from "~/utils/secret-box.server";
import { createClass, requireTeacherOf, type ClassRow } from "./classes.server";
import { nameKey } from "../utils/name-key";
import type { InputClass, InputStudent, RosterInput, RosterNote, RosterProblem } from "./roster-input.server";
import { getSchoolSettings } from "./schools.server";
import { allocateUsernames, createStudentAccounts, firstCredentials, type FirstCredential, type NewStudentCard } from "./students.server";
import { usernameBaseOf } from "./username-base.server";

export type ImportScope = { kind: "class"; classId: string } | { kind: "school" };
export type StudentAction = "create" | "update" | "move" | "unchanged";

export interface PlannedStudent {
  file: string;
  line: number;
  action: StudentAction;
  userId: string | null;
  displayName: string;
  /** The name the account has now, when the import changes it. */
  previousName: string | null;
  username: string;
  sourceId: string | null;
  /** The account gets the file's sourcedId (so later imports match it by that). */
  recordSourceId: boolean;
  /** Keys of the planned classes the student joins / leaves. */
  joins: string[];
  leaves: string[];
  /** School sign-in subjects to link to the account. */
  linkSubjects: string[];
}

export interface PlannedClass {
  key: string;
  title: string;
  /** null: created by the import. */
  classId: string | null;
  sourceId: string | null;
  recordSourceId: boolean;
  teacherId: string;
  teacherName: string;
}

export interface RosterPlan {
  students: PlannedStudent[];
  classes: PlannedClass[];
  problems: RosterProblem[];
  /** How the upload was read (columns not read, a class column used for information only). */
  notes: RosterNote[];
  counts: Record<StudentAction, number>;
  fingerprint: string;
}

interface Account {
  id: string;
  schoolId: string;
  role: string;
  username: string;
  displayName: string;
  sourceId: string | null;
}

/** What importing `input` would do, for this actor and scope. Reads only. */
export async function planRoster(actor: SessionUser, scope: ImportScope, input: RosterInput): Promise<RosterPlan> {
  const problems = [...input.problems];
  const notes = [...input.notes];
  const target = scope.kind === "class" ? await requireTeacherOf(actor, scope.classId) : null;
  const { planned: plannedClasses, students } = target ? classScope(target, actor, input, problems, notes) : await schoolScope(actor, input, problems);
  const classIdOf = new Map(plannedClasses.map((c) => [c.key, c.classId]));
  const existingClassIds = plannedClasses.flatMap((c) => (c.classId ? [c.classId] : []));

  const accounts = await findAccounts(actor, students);
  const classmatesByName = await studentsByNameIn(existingClassIds);
  const candidates = [...accounts.values(), ...[...classmatesByName.values()].flat()];
  const memberships = await membershipsOf(actor, [...new Set(candidates.map((a) => a.id))]);

  const planned: PlannedStudent[] = [];
  const toCreate: { student: InputStudent; keys: string[] }[] = [];
  const claimed = new Set<string>();
  for (const student of students) {
    const keys = target ? [plannedClasses[0]!.key] : student.classRefs;
    const matched = matchAccount(student, keys, accounts, memberships, classmatesByName, classIdOf, actor, target);
    if (matched === "taken") {
      problems.push({ file: student.file, line: student.line, key: "teach.import.problem.usernameTaken", values: { username: student.username! } });
      continue;
    }
    if (matched === "notMine") {
      problems.push({ file: student.file, line: student.line, key: "teach.import.problem.notYourStudent" });
      continue;
    }
    if (matched && "namesakes" in matched) {
      problems.push({ file: student.file, line: student.line, key: "teach.import.problem.ambiguousName", values: { name: student.displayName, n: matched.namesakes } });
      continue;
    }
    if (!matched) {
      toCreate.push({ student, keys });
      continue;
    }
    if (claimed.has(matched.id)) {
      problems.push({ file: student.file, line: student.line, key: "teach.import.problem.sameStudentTwice", values: { name: matched.displayName } });
      continue;
    }
    claimed.add(matched.id);
    const inClasses = memberships.get(matched.id) ?? { classIds: new Set<string>(), allMine: false, anyMine: false };
    const joins = keys.filter((k) => !inClasses.classIds.has(classIdOf.get(k) ?? ""));
    // school-wide, the information system is the whole truth for the classes it lists
    const leaves = target ? [] : plannedClasses.filter((c) => c.classId && inClasses.classIds.has(c.classId) && !keys.includes(c.key)).map((c) => c.key);
    const mayRename = actor.role === "admin" || (inClasses.allMine && inClasses.anyMine);
    const renamed = mayRename && matched.displayName !== student.displayName;
    const recordSourceId = student.sourceId !== null && matched.sourceId !== student.sourceId;
    planned.push({
      file: student.file,
      line: student.line,
      action: joins.length + leaves.length > 0 ? "move" : renamed || recordSourceId ? "update" : "unchanged",
      userId: matched.id,
      displayName: renamed ? student.displayName : matched.displayName,
      previousName: renamed ? matched.displayName : null,
      username: matched.username,
      sourceId: student.sourceId,
      recordSourceId,
      joins,
      leaves,
      linkSubjects: student.ssoSubjects.filter((s) => !accounts.get(`subject:${s}`)),
    });
  }

  const reserved = new Set(students.flatMap((s) => (s.username ? [s.username] : [])));
  const prefix = target ? target.joinCode.toLowerCase() : "student";
  const bases = await Promise.all(
    toCreate.map(async ({ student }, i) => student.username ?? (await usernameBaseOf(student.displayName)) ?? `${prefix}-${String(i + 1).padStart(2, "0")}`),
  );
  const generated = await allocateUsernames(
    bases.filter((_, i) => !toCreate[i]!.student.username),
    reserved,
  );
  let next = 0;
  for (const { student, keys } of toCreate) {
    planned.push({
      file: student.file,
      line: student.line,
      action: "create",
      userId: null,
      displayName: student.displayName,
      previousName: null,
      username: student.username ?? generated[next++]!,
      sourceId: student.sourceId,
      recordSourceId: false,
      joins: keys,
      leaves: [],
      linkSubjects: student.ssoSubjects,
    });
  }
  planned.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const counts = { create: 0, update: 0, move: 0, unchanged: 0 };
  for (const s of planned) counts[s.action]++;
  const rosters = await currentRosters(existingClassIds);
  const fingerprint = crypto
    .createHash("sha256")
    .update(JSON.stringify({ scope, planned, plannedClasses, rosters }))
    .digest("base64url");
  return { students: planned, classes: plannedClasses, problems, notes, counts, fingerprint };
}

/** Classes a note names at most; more end in "…". */
const GROUPS_LISTED = 6;

/**
 * A teacher's own class: the file's class that is this one (by sourcedId, then name, or the only
 * one). A plain table whose class column names several classes, none of them this one (a
 * registration group, 8X and 8Y, for "8X Computing"), is read for information only: every row
 * joins this class and the preview says so — the teacher is on this class's page, and a list of
 * registration groups is no reason to import nothing (decision 027).
 */
function classScope(target: ClassRow, teacher: SessionUser, input: RosterInput, problems: RosterProblem[], notes: RosterNote[]) {
  const match =
    input.classes.find((c) => c.sourceId && c.sourceId === target.sourceId) ??
    input.classes.find((c) => nameKey(c.title) === nameKey(target.name)) ??
    (input.classes.length === 1 ? input.classes[0] : undefined);
  const key = match?.ref ?? "";
  const planned: PlannedClass = {
    key,
    title: target.name,
    classId: target.id,
    sourceId: match?.sourceId ?? target.sourceId,
    recordSourceId: Boolean(match?.sourceId && match.sourceId !== target.sourceId),
    teacherId: teacher.id,
    teacherName: teacher.displayName,
  };
  if (input.classes.length > 0 && !match) {
    if (input.format === "plain") {
      const titles = input.classes.map((c) => c.title);
      const groups = titles.length > GROUPS_LISTED ? [...titles.slice(0, GROUPS_LISTED), "…"] : titles;
      notes.push(
        input.groupColumn
          ? { file: null, key: "teach.import.note.groupNotThisClass", values: { column: input.groupColumn, name: target.name }, lists: { groups } }
          : { file: null, key: "teach.import.note.classNotThisClass", values: { name: target.name }, lists: { groups } },
      );
      return { planned: [planned], students: input.students };
    }
    problems.push({ file: "classes.csv", line: null, key: "teach.import.problem.noClassMatch", values: { name: target.name } });
    return { planned: [planned], students: [] };
  }
  const students = input.students.filter((s) => {
    if (s.classRefs.length === 0 || s.classRefs.includes(key)) return true;
    // a OneRoster export lists the whole school: other classes are simply not this import
    if (input.format === "plain") problems.push({ file: s.file, line: s.line, key: "teach.import.problem.otherClass", values: { name: s.classRefs[0]! } });
    return false;
  });
  return { planned: [planned], students };
}

/** The admin's school-wide import: each class of the file found (sourcedId, then name) or created. */
async function schoolScope(admin: SessionUser, input: RosterInput, problems: RosterProblem[]) {
  const existing = await db()
    .select({ id: classes.id, name: classes.name, sourceId: classes.sourceId, teacherId: classes.teacherId, archivedAt: classes.archivedAt, teacherName: users.displayName })
    .from(classes)
    .innerJoin(users, eq(users.id, classes.teacherId))
    .where(eq(classes.schoolId, admin.schoolId));
  const emails = [...new Set(input.classes.flatMap((c) => c.teacherEmails))];
  const staff = emails.length === 0 ? [] : await db()
    .select({ id: users.id, email: sql<string>`lower(${users.email})`, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.schoolId, admin.schoolId), inArray(users.role, ["teacher", "admin"]), inArray(sql`lower(${users.email})`, emails)));
  const planned = input.classes.map((c: InputClass): PlannedClass => {
    const found = existing.find((e) => c.sourceId && e.sourceId === c.sourceId) ?? existing.find((e) => !e.archivedAt && !e.sourceId && nameKey(e.name) === nameKey(c.title));
    if (found) {
      return { key: c.ref, title: found.name, classId: found.id, sourceId: c.sourceId, recordSourceId: Boolean(c.sourceId && found.sourceId !== c.sourceId), teacherId: found.teacherId, teacherName: found.teacherName };
    }
    // a new class goes to its teacher when the information system names one Lantern knows, else to the admin
    const teacher = c.teacherEmails.map((e) => staff.find((s) => s.email === e)).find(Boolean) ?? { id: admin.id, displayName: admin.displayName };
    return { key: c.ref, title: c.title, classId: null, sourceId: c.sourceId, recordSourceId: false, teacherId: teacher.id, teacherName: teacher.displayName };
  });
  const students = input.students.filter((s) => {
    if (s.classRefs.length > 0) return true;
    problems.push({ file: s.file, line: s.line, key: "teach.import.problem.missingClass" });
    return false;
  });
  return { planned, students };
}

/** Accounts the file's students might be, by `source:`, `subject:` and `username:` keys, in three queries. */
async function findAccounts(actor: SessionUser, students: InputStudent[]): Promise<Map<string, Account>> {
  const found = new Map<string, Account>();
  const columns = { id: users.id, schoolId: users.schoolId, role: users.role, username: users.username, displayName: users.displayName, sourceId: users.sourceId };
  const sourceIds = students.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  if (sourceIds.length > 0) {
    const rows = await db().select(columns).from(users).where(and(eq(users.schoolId, actor.schoolId), eq(users.role, "student"), inArray(users.sourceId, sourceIds)));
    for (const r of rows) found.set(`source:${r.sourceId}`, r);
  }
  const subjects = students.flatMap((s) => s.ssoSubjects);
  const issuer = subjects.length > 0 ? (await getSchoolSettings(actor)).sso?.issuer : undefined;
  if (issuer) {
    const rows = await db()
      .select({ ...columns, subject: ssoIdentities.subject })
      .from(ssoIdentities)
      .innerJoin(users, eq(users.id, ssoIdentities.userId))
      .where(and(eq(ssoIdentities.issuer, issuer), inArray(ssoIdentities.subject, subjects), eq(users.schoolId, actor.schoolId), eq(users.role, "student")));
    for (const r of rows) found.set(`subject:${r.subject}`, r);
  }
  const usernames = students.flatMap((s) => (s.username ? [s.username] : []));
  if (usernames.length > 0) {
    const rows = await db().select(columns).from(users).where(inArray(sql`lower(${users.username})`, usernames));
    for (const r of rows) found.set(`username:${r.username.toLowerCase()}`, r);
  }
  return found;
}

interface Membership {
  classIds: Set<string>;
  /** Every class of the student is the actor's (a teacher may then rename them). */
  allMine: boolean;
  /** Some class of the student is the actor's (a teacher's import may match them by username). */
  anyMine: boolean;
}

async function membershipsOf(actor: SessionUser, userIds: string[]): Promise<Map<string, Membership>> {
  const out = new Map<string, Membership>();
  if (userIds.length === 0) return out;
  const rows = await db()
    .select({ studentId: enrollments.studentId, classId: enrollments.classId, teacherId: classes.teacherId })
    .from(enrollments)
    .innerJoin(classes, eq(classes.id, enrollments.classId))
    .where(and(inArray(enrollments.studentId, userIds), eq(classes.schoolId, actor.schoolId)));
  for (const id of userIds) out.set(id, { classIds: new Set(), allMine: true, anyMine: false });
  for (const r of rows) {
    const m = out.get(r.studentId)!;
    m.classIds.add(r.classId);
    if (r.teacherId === actor.id) m.anyMine = true;
    else m.allMine = false;
  }
  return out;
}

/** Students of these classes by name key (for rows that carry no id and no username). */
async function studentsByNameIn(classIds: string[]): Promise<Map<string, Account[]>> {
  const out = new Map<string, Account[]>();
  if (classIds.length === 0) return out;
  const rows = await db()
    .selectDistinct({ id: users.id, schoolId: users.schoolId, role: users.role, username: users.username, displayName: users.displayName, sourceId: users.sourceId, classId: enrollments.classId })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(inArray(enrollments.classId, classIds));
  for (const r of rows) {
    const key = `${r.classId}:${nameKey(r.displayName)}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

function matchAccount(
  student: InputStudent,
  keys: string[],
  accounts: Map<string, Account>,
  memberships: Map<string, Membership>,
  classmatesByName: Map<string, Account[]>,
  classIdOf: Map<string, string | null>,
  actor: SessionUser,
  target: ClassRow | null,
): Account | "taken" | "notMine" | { namesakes: number } | null {
  // An information system's id names a student of the school, but a teacher's import into their
  // class reaches only students already in one of their classes: ids like "stu-1001" are easy to
  // guess, and a match would enrol the student and open their whole record to that teacher.
  const byId =
    (student.sourceId ? accounts.get(`source:${student.sourceId}`) : undefined) ??
    student.ssoSubjects.map((s) => accounts.get(`subject:${s}`)).find(Boolean);
  if (byId) return target === null || actor.role === "admin" || memberships.get(byId.id)?.anyMine === true ? byId : "notMine";
  if (student.username) {
    const byUsername = accounts.get(`username:${student.username}`);
    if (!byUsername) return null;
    const reachable =
      byUsername.schoolId === actor.schoolId &&
      byUsername.role === "student" &&
      // an account that already belongs to another sourcedId is another person
      (!student.sourceId || !byUsername.sourceId) &&
      (target === null || memberships.get(byUsername.id)?.anyMine === true);
    return reachable ? byUsername : "taken";
  }
  if (student.sourceId) return null;
  for (const key of keys) {
    const classId = classIdOf.get(key);
    const namesakes = classId ? classmatesByName.get(`${classId}:${nameKey(student.displayName)}`) : undefined;
    if (namesakes?.length === 1) return namesakes[0]!;
    // a new account would be a third student of that name: the teacher says which one (by username)
    if (namesakes && namesakes.length > 1) return { namesakes: namesakes.length };
  }
  return null;
}

async function currentRosters(classIds: string[]): Promise<string[]> {
  if (classIds.length === 0) return [];
  const rows = await db()
    .select({ classId: enrollments.classId, studentId: enrollments.studentId, name: users.displayName })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(inArray(enrollments.classId, classIds));
  return rows.map((r) => `${r.classId}:${r.studentId}:${r.name}`).sort();
}

export type ApplyResult =
  | { ok: true; counts: Record<StudentAction, number>; newClasses: number; cards: NewStudentCard[] }
  | { ok: false; reason: "changed"; plan: RosterPlan };

/** Plans again and writes the plan in one transaction, only if it is the one the preview showed. */
export async function applyRoster(actor: SessionUser, scope: ImportScope, input: RosterInput, previewed: string): Promise<ApplyResult> {
  const plan = await planRoster(actor, scope, input);
  if (plan.fingerprint !== previewed) return { ok: false, reason: "changed", plan };
  const credentials = await firstCredentials(plan.students.filter((s) => s.action === "create").length, "bulk");
  try {
    const cards = await transaction(() => writePlan(actor, plan, credentials));
    return { ok: true, counts: plan.counts, newClasses: plan.classes.filter((c) => !c.classId).length, cards };
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    // a username or sourcedId taken between the plan and the write: the same answer as a changed class
    if (code === "23505") return { ok: false, reason: "changed", plan: await planRoster(actor, scope, input) };
    throw error;
  }
}

async function writePlan(actor: SessionUser, plan: RosterPlan, credentials: FirstCredential[]): Promise<NewStudentCard[]> {
  const classIdOf = new Map<string, string>();
  for (const c of plan.classes) {
    let id = c.classId;
    if (!id) id = (await createClass({ ...actor, id: c.teacherId }, c.title)).id;
    if (c.recordSourceId || (!c.classId && c.sourceId)) await db().update(classes).set({ sourceId: c.sourceId }).where(and(eq(classes.id, id), eq(classes.schoolId, actor.schoolId)));
    classIdOf.set(c.key, id);
  }
  const creates = plan.students.filter((s) => s.action === "create");
  const cards = await createStudentAccounts(actor.schoolId, creates, credentials);
  const userIdOf = (s: PlannedStudent, i: number) => s.userId ?? cards[creates.indexOf(s)]?.id ?? String(i);
  for (const s of plan.students) {
    if (!s.userId || (!s.previousName && !s.recordSourceId)) continue;
    await db()
      .update(users)
      .set({ displayName: s.displayName, ...(s.recordSourceId ? { sourceId: s.sourceId } : {}) })
      .where(and(eq(users.id, s.userId), eq(users.schoolId, actor.schoolId), eq(users.role, "student")));
  }
  const joins = plan.students.flatMap((s, i) => s.joins.map((k) => ({ classId: classIdOf.get(k)!, studentId: userIdOf(s, i) })));
  if (joins.length > 0) await db().insert(enrollments).values(joins).onConflictDoNothing();
  for (const s of plan.students) {
    for (const key of s.leaves) await db().delete(enrollments).where(and(eq(enrollments.classId, classIdOf.get(key)!), eq(enrollments.studentId, s.userId!)));
  }
  const issuer = (await getSchoolSettings(actor)).sso?.issuer;
  const links = issuer ? plan.students.flatMap((s, i) => s.linkSubjects.map((subject) => ({ userId: userIdOf(s, i), issuer, subject }))) : [];
  if (links.length > 0) await db().insert(ssoIdentities).values(links).onConflictDoNothing();
  return cards;
}

/** How long a preview may wait for its confirm. */
const PREVIEW_TTL_MS = 60 * 60_000;

interface SealedPreview {
  actorId: string;
  scope: ImportScope;
  input: RosterInput;
  fingerprint: string;
  expiresAt: number;
}

/** The read file, for the confirm form: compressed, then sealed (nobody can read or change it). */
export function sealPreview(actor: SessionUser, scope: ImportScope, input: RosterInput, fingerprint: string): string {
  const plain: SealedPreview = { actorId: actor.id, scope, input, fingerprint, expiresAt: Date.now() + PREVIEW_TTL_MS };
  return seal(Buffer.from(deflateSync(strToU8(JSON.stringify(plain)))).toString("base64url"), "roster-import-preview");
}

/** The preview this actor made for this scope, or null (another actor or class, expired, tampered). */
export function openPreview(actor: SessionUser, scope: ImportScope, token: string): { input: RosterInput; fingerprint: string } | null {
  const packed = unseal(token, "roster-import-preview");
  if (!packed) return null;
  try {
    const preview = JSON.parse(strFromU8(inflateSync(Buffer.from(packed, "base64url")))) as SealedPreview;
    if (preview.actorId !== actor.id || JSON.stringify(preview.scope) !== JSON.stringify(scope) || preview.expiresAt < Date.now()) return null;
    // a preview sealed before the reader wrote notes (an hour's previews outlive an upgrade)
    const sealed: Partial<Pick<RosterInput, "notes" | "groupColumn">> = preview.input;
    return { input: { ...preview.input, notes: sealed.notes ?? [], groupColumn: sealed.groupColumn ?? null }, fingerprint: preview.fingerprint };
  } catch {
    return null;
  }
}
