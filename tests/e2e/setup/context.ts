/**
 * What an e2e test needs besides a browser: the server's base URL, a direct connection to the
 * server's database (to sign in without the UI, to count rows), and the fake Anthropic API's
 * control channel.
 */
import crypto from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import type { ScriptStep } from "../../../scripts/harness/fake-anthropic";
import { rememberLocale } from "../../../app/i18n/locale.server";
import type { Locale } from "../../../app/i18n/locales";
import { generateJoinCode } from "../../../app/models/join-code";
import { sessionCookieFor } from "../../../app/utils/session-cookie.server";

/**
 * This file's server: global.ts starts one per vitest worker, and a worker's VITEST_POOL_ID
 * (1 … maxWorkers) is unique among the files running at the same moment.
 */
function mine(urls: string[]): string {
  const slot = Number(process.env.VITEST_POOL_ID ?? "1") - 1;
  return urls[slot % urls.length]!;
}

export const baseUrl = (): string => mine(inject("e2eBaseUrls"));
export const e2eDatabaseUrl = (): string => mine(inject("e2eDatabaseUrls"));

let sqlClient: postgres.Sql | undefined;

/** One small pool per test file, on the same database the server uses. */
export function testSql(): postgres.Sql {
  sqlClient ??= postgres(e2eDatabaseUrl(), { max: 4, onnotice: () => {} });
  return sqlClient;
}

export async function closeTestSql(): Promise<void> {
  await sqlClient?.end({ timeout: 5 });
  sqlClient = undefined;
}

export const DEMO_TEACHER = "teacher@demo.lantern";
export const DEMO_PASSWORD = "lantern-demo";
export const DEMO_STUDENTS = ["demo-student-1", "demo-student-2", "demo-student-3", "demo-student-4", "demo-student-5", "demo-student-6"];
export const SESSION_COOKIE = "lantern_session";

export interface DbUser {
  id: string;
  school_id: string;
  role: "student" | "teacher" | "admin";
  username: string;
  display_name: string;
}

export async function userByUsername(username: string): Promise<DbUser> {
  const [row] = await testSql()<DbUser[]>`
    select id, school_id, role, username, display_name from users where lower(username) = lower(${username})`;
  if (!row) throw new Error(`no user ${username} in the e2e database (is the demo school seeded?)`);
  return row;
}

/**
 * A session for the user without going through /signin: a row holding the SHA-256 of a random
 * token, exactly as app/utils/session.server.ts stores it. Returns the cookie value.
 */
export async function sessionTokenFor(username: string): Promise<string> {
  const user = await userByUsername(username);
  const token = crypto.randomBytes(32).toString("base64url");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  await testSql()`
    insert into sessions (token_hash, user_id, expires_at)
    values (${hash}, ${user.id}, now() + interval '1 day')`;
  return token;
}

/** The name=value a browser sends back for a Set-Cookie header. */
const sentBack = (setCookie: string) => setCookie.split(";")[0]!;

/** A session cookie's value for this user, encoded as the server writes it (for a browser's jar). */
export async function sessionCookieValueFor(username: string): Promise<string> {
  const pair = sentBack(await sessionCookieFor(new Request(baseUrl())).serialize(await sessionTokenFor(username)));
  return pair.slice(pair.indexOf("=") + 1);
}

/** The language cookie's value, as the server writes it. */
export async function langCookieValue(locale: Locale): Promise<string> {
  const pair = sentBack(await rememberLocale(locale));
  return pair.slice(pair.indexOf("=") + 1);
}

/** A Cookie header for plain fetch() requests as this user. */
export async function cookieHeaderFor(username: string): Promise<string> {
  return `${SESSION_COOKIE}=${await sessionCookieValueFor(username)}`;
}

/** A student of its own in a class, made directly in the database (password: lantern-demo's hash). */
export async function makeStudent(classId: string, displayName: string, username = `e2e-${crypto.randomBytes(4).toString("hex")}`): Promise<DbUser> {
  const sql = testSql();
  const [cls] = await sql<{ school_id: string }[]>`select school_id from classes where id = ${classId}`;
  const [demo] = await sql<{ password_hash: string }[]>`select password_hash from users where username = 'demo-student-1'`;
  const [row] = await sql<DbUser[]>`
    insert into users (school_id, role, username, display_name, password_hash)
    values (${cls!.school_id}, 'student', ${username}, ${displayName}, ${demo!.password_hash})
    returning id, school_id, role, username, display_name`;
  await sql`insert into enrollments (class_id, student_id) values (${classId}, ${row!.id})`;
  return row!;
}

export async function demoClassId(): Promise<string> {
  const [row] = await testSql()<{ id: string }[]>`select id from classes where name = 'Demo class' order by created_at limit 1`;
  if (!row) throw new Error("the demo class is missing");
  return row.id;
}

/** Row counts of every table in the public schema (for "nothing was written"). */
export async function rowCounts(except: string[] = []): Promise<Record<string, number>> {
  const sql = testSql();
  const tables = await sql<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = 'public' order by tablename`;
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    if (except.includes(tablename)) continue;
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${tablename}"`);
    counts[tablename] = row!.n;
  }
  return counts;
}

// ---- The fake Anthropic API ------------------------------------------------------------------

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${mine(inject("e2eFakeControlUrls"))}${path}`, {
    method: body === undefined && path === "/requests" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

export const fakeAnthropic = {
  /** Queues the fake's next replies (one step per messages request). */
  script: (...steps: ScriptStep[]) => control("/script", steps),
  reset: () => control("/reset", {}),
  requests: () =>
    control("/requests") as Promise<{ requests: { path: string; body: unknown; disconnected: boolean }[]; disconnects: number; pending: number }>,
};

// ---- Response checks -------------------------------------------------------------------------

/** What a leaked stack trace or internal error looks like in a response body. */
const STACK_PATTERNS = [
  /\bat [\w$.<>]+ \(.*:\d+:\d+\)/,
  /\bat (?:file|node):\/\//,
  /node_modules\//,
  /\/work\/|\/build\/index\.js/,
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError): /,
  /PostgresError|ZodError/,
];

export function stackTraceIn(body: string): string | null {
  for (const pattern of STACK_PATTERNS) {
    const m = pattern.exec(body);
    if (m) return m[0];
  }
  return null;
}

/** Real values for route params, so scanned routes reach their loaders (not just 404s). */
export async function realParamValues(): Promise<Record<string, string>> {
  const sql = testSql();
  const [cls] = await sql<{ id: string; join_code: string }[]>`
    select id, join_code from classes where name = 'Demo class' order by created_at limit 1`;
  const student = await userByUsername(DEMO_STUDENTS[0]!);
  const { lessonSlugs } = await import("./routes");
  const lesson = lessonSlugs()[0]!;
  // a safeguarding alert of the demo school (the demo data holds one)
  const [alert] = await sql<{ id: string }[]>`
    select m.id from playground_messages m join users u on u.id = m.user_id
     where m.severity = 'safeguarding' and u.school_id = ${student.school_id} order by m.created_at limit 1`;
  return {
    messageId: alert?.id ?? "00000000-0000-0000-0000-000000000000",
    classId: cls!.id,
    code: cls!.join_code,
    joinCode: cls!.join_code,
    studentId: student.id,
    lesson,
    slug: lesson,
    lessonSlug: lesson,
    locale: "en",
  };
}

/** A teacher of the demo school made directly in the database (password: lantern-demo). */
export async function makeTeacher(displayName: string): Promise<DbUser> {
  const sql = testSql();
  const demo = await userByUsername(DEMO_TEACHER);
  const [hash] = await sql<{ password_hash: string }[]>`select password_hash from users where id = ${demo.id}`;
  const handle = `e2e-teacher-${crypto.randomBytes(4).toString("hex")}@example.org`;
  const [row] = await sql<DbUser[]>`
    insert into users (school_id, role, username, email, display_name, password_hash)
    values (${demo.school_id}, 'teacher', ${handle}, ${handle}, ${displayName}, ${hash!.password_hash})
    returning id, school_id, role, username, display_name`;
  return row!;
}

/** A class of `teacher`'s own, with the demo class's playground policy; its id. */
export async function makeClassOf(teacher: DbUser, name: string): Promise<string> {
  const sql = testSql();
  const [demo] = await sql<{ playground_policy: unknown }[]>`select playground_policy from classes where id = ${await demoClassId()}`;
  const [row] = await sql<{ id: string }[]>`
    insert into classes (school_id, teacher_id, name, join_code, playground_policy)
    values (${teacher.school_id}, ${teacher.id}, ${name}, ${generateJoinCode()}, ${sql.json(demo!.playground_policy as never)})
    returning id`;
  return row!.id;
}
