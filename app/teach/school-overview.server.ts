/**
 * The admin's view of the whole school: totals and every class (read-only). One statement for the overview however large the school (budget: 10,000 students ≤ 500 ms):
 * it starts from users_school_role_idx and probes per student only along primary keys and the
 * activity/flag indexes, then groups by class.
 */
import { sql } from "drizzle-orm";
import { getCourse } from "~/course/course.server";
import { openFlagsSql } from "~/models/flags.server";
import { activeSinceSql } from "~/models/last-seen.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { startOfSchoolDay } from "~/utils/school-time.server";

export interface SchoolClassSummary {
  id: string;
  name: string;
  teacherName: string;
  archived: boolean;
  students: number;
  activeToday: number;
  completedLessons: number;
  completionPercent: number;
  openFlags: number;
}

export interface SchoolOverview {
  totals: {
    teachers: number;
    students: number;
    classes: number;
    activeToday: number;
    completionPercent: number;
    openFlags: number;
  };
  classes: SchoolClassSummary[];
}

type OverviewRow = {
  totals: { teachers: number; students: number; classes: number; active_today: number; completed: number; open_flags: number };
  classes: {
    id: string;
    name: string;
    teacher_name: string;
    archived: boolean;
    students: number;
    active_today: number;
    completed: number;
    open_flags: number;
  }[] | null;
};

export async function getSchoolOverview(admin: SessionUser, now = new Date()): Promise<SchoolOverview> {
  // "active today": since the school's midnight, in the school's time zone
  const today = startOfSchoolDay(now).toISOString();
  const [row] = await db().execute<OverviewRow>(sql`
    with students as (
      select u.id,
             ${activeSinceSql(sql`u.id`, sql`${today}::timestamptz`)} as active_today,
             (select count(*) from lesson_progress lp where lp.user_id = u.id and lp.status = 'completed')::int as completed
      from users u
      where u.school_id = ${admin.schoolId} and u.role = 'student'
    ),
    flags as (
      select f.class_id, sum(f.n)::int as n
      from (${openFlagsSql(sql`select id from classes where school_id = ${admin.schoolId}`)}) f
      group by f.class_id
    ),
    per_class as (
      select c.id, c.name, t.display_name as teacher_name, c.archived_at is not null as archived,
             count(s.id)::int as students,
             count(s.id) filter (where s.active_today)::int as active_today,
             coalesce(sum(s.completed), 0)::int as completed,
             coalesce(max(f.n), 0)::int as open_flags
      from classes c
      join users t on t.id = c.teacher_id
      left join enrollments e on e.class_id = c.id
      left join students s on s.id = e.student_id
      left join flags f on f.class_id = c.id
      where c.school_id = ${admin.schoolId}
      group by c.id, t.display_name
    )
    select
      json_build_object(
        'teachers', (select count(*)::int from users u where u.school_id = ${admin.schoolId} and u.role in ('teacher', 'admin')),
        'students', (select count(*)::int from students),
        'classes', (select count(*)::int from per_class),
        'active_today', (select count(*)::int from students where active_today),
        'completed', (select coalesce(sum(completed), 0)::int from students),
        'open_flags', (select coalesce(sum(n), 0)::int from flags)
      ) as totals,
      (select json_agg(p order by p.archived, p.name) from per_class p) as classes`);
  const lessons = getCourse().lessons.length;
  const pct = (done: number, people: number) => (people * lessons > 0 ? Math.round((100 * done) / (people * lessons)) : 0);
  const totals = row!.totals;
  return {
    totals: {
      teachers: totals.teachers,
      students: totals.students,
      classes: totals.classes,
      activeToday: totals.active_today,
      completionPercent: pct(totals.completed, totals.students),
      openFlags: totals.open_flags,
    },
    classes: (row!.classes ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      teacherName: c.teacher_name,
      archived: c.archived,
      students: c.students,
      activeToday: c.active_today,
      completedLessons: c.completed,
      completionPercent: pct(c.completed, c.students),
      openFlags: c.open_flags,
    })),
  };
}

