/**
 * Students with live sessions, made straight in the database of a running server (the demo
 * school must exist): shared by `npm run bench` and `npm run fault`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import { ROOT } from "../harness/lantern-server";
import { sessionCookieFor } from "../../app/utils/session-cookie.server";

export interface BenchStudent {
  id: string;
  cookie: string;
}

/** A session row for the user, as sign-in makes it; returns the Cookie header value. */
export async function sessionCookie(sql: postgres.Sql, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  await sql`insert into sessions (token_hash, user_id, expires_at) values (${hash}, ${userId}, now() + interval '1 day')`;
  return (await sessionCookieFor(new Request("http://localhost/")).serialize(token)).split(";")[0]!;
}

/** A class of the demo school with `n` students and a session each; `policy` overrides the playground policy. */
export async function benchClass(
  sql: postgres.Sql,
  name: string,
  n: number,
  policy: Record<string, unknown> = {},
): Promise<{ classId: string; students: BenchStudent[] }> {
  const [teacher] = await sql<{ id: string; school_id: string; password_hash: string }[]>`
    select id, school_id, password_hash from users where email = 'teacher@demo.lantern'`;
  if (!teacher) throw new Error("the demo school is missing");
  const [demoClass] = await sql<{ playground_policy: Record<string, unknown> }[]>`select playground_policy from classes order by created_at limit 1`;
  const code = Array.from(crypto.randomBytes(6), (b) => "23456789ABCDEFGHJKMNPQRSTUVWXYZ"[b % 31]).join("");
  const [cls] = await sql<{ id: string }[]>`
    insert into classes (school_id, teacher_id, name, join_code, playground_policy)
    values (${teacher.school_id}, ${teacher.id}, ${name}, ${code}, ${sql.json({ ...demoClass!.playground_policy, ...policy } as never)}) returning id`;
  const tag = crypto.randomBytes(3).toString("hex");
  const users = await sql<{ id: string }[]>`
    insert into users (school_id, role, username, display_name, password_hash)
    select ${teacher.school_id}, 'student', ${`bench-${tag}-`} || g, 'Bench student ' || g, ${teacher.password_hash}
    from generate_series(1, ${n}) g returning id`;
  await sql`insert into enrollments (class_id, student_id) select ${cls!.id}, unnest(${users.map((u) => u.id)}::uuid[])`;
  const students: BenchStudent[] = [];
  for (const u of users) students.push({ id: u.id, cookie: await sessionCookie(sql, u.id) });
  return { classId: cls!.id, students };
}

export interface CourseLesson {
  slug: string;
  steps: string[];
}

/** The compiled course's lessons and their step ids (English ids are the same in every language). */
export function courseLessons(): CourseLesson[] {
  const c = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "course.json"), "utf8")) as {
    lessons: { slug: string; content: { en: { steps: { id: string }[] } } }[];
  };
  return c.lessons.map((lesson) => ({ slug: lesson.slug, steps: lesson.content.en.steps.map((s) => s.id) }));
}
