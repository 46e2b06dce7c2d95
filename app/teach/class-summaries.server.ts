/**
 * /teach: each of the teacher's classes with students, active today, overall completion and
 * unreviewed flags — one query however many classes and students.
 */
import { sql } from "drizzle-orm";
import { openFlagsSql } from "~/models/flags.server";
import { activeSinceSql } from "~/models/last-seen.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { startOfSchoolDay } from "~/utils/school-time.server";

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  joinEnabled: boolean;
  archived: boolean;
  students: number;
  activeToday: number;
  completedLessons: number;
  openFlags: number;
}

export async function listClassSummaries(teacher: SessionUser, now = new Date()): Promise<ClassSummary[]> {
  // "active today": since the school's midnight, in the school's time zone
  const today = startOfSchoolDay(now).toISOString();
  const rows = await db().execute<{
    id: string;
    name: string;
    join_code: string;
    join_enabled: boolean;
    archived: boolean;
    students: number;
    active_today: number;
    completed_lessons: number;
    open_flags: number;
  }>(sql`
    with flags as (${openFlagsSql(sql`select id from classes where teacher_id = ${teacher.id}`)})
    select c.id, c.name, c.join_code, c.join_enabled, c.archived_at is not null as archived,
      (select count(*)::int from enrollments e where e.class_id = c.id) as students,
      (select count(*)::int from enrollments e
         where e.class_id = c.id and ${activeSinceSql(sql`e.student_id`, sql`${today}::timestamptz`)}) as active_today,
      (select count(*)::int from enrollments e
         join lesson_progress p on p.user_id = e.student_id and p.status = 'completed'
         where e.class_id = c.id) as completed_lessons,
      (select coalesce(sum(f.n), 0)::int from flags f where f.class_id = c.id) as open_flags
    from classes c
    where c.teacher_id = ${teacher.id}
    order by c.archived_at is not null, c.name`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    joinCode: r.join_code,
    joinEnabled: r.join_enabled,
    archived: r.archived,
    students: r.students,
    activeToday: r.active_today,
    completedLessons: r.completed_lessons,
    openFlags: r.open_flags,
  }));
}
