/**
 * The admin's view of the whole school: totals, every class (read-only) and the teachers.
 * One statement for the overview however large the school (budget: 10,000 students ≤ 500 ms):
 * it starts from users_school_role_idx and probes per student only along primary keys and the
 * activity/flag indexes, then groups by class.
 */
import { sql } from "drizzle-orm";
import { getCourse } from "~/course/course.server";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { isUuid } from "./classes.server";
import { formatDate } from "./dashboard-labels.server";

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

/** Midnight of today in the server's time zone: "active today" means the school's day. */
function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
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
  const today = startOfToday(now).toISOString();
  const [row] = await db().execute<OverviewRow>(sql`
    with students as (
      select u.id,
             exists (select 1 from activity_log a where a.actor_id = u.id and a.created_at >= ${today}::timestamptz) as active_today,
             (select count(*) from lesson_progress lp where lp.user_id = u.id and lp.status = 'completed')::int as completed
      from users u
      where u.school_id = ${admin.schoolId} and u.role = 'student'
    ),
    flags as (
      -- open flags are few: the partial index messages_open_flags_idx finds them directly
      select c.class_id, count(*)::int as n
      from playground_messages m
      join users u on u.id = m.user_id and u.school_id = ${admin.schoolId}
      join playground_conversations c on c.id = m.conversation_id
      where m.flag_status = 'open'
      group by c.class_id
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

export interface SchoolTeacher {
  id: string;
  displayName: string;
  email: string;
  role: "teacher" | "admin";
  classes: number;
  students: number;
  joined: string;
}

export async function listSchoolTeachers(admin: SessionUser): Promise<SchoolTeacher[]> {
  const rows = await db().execute<{
    id: string;
    display_name: string;
    email: string | null;
    role: "teacher" | "admin";
    classes: number;
    students: number;
    created_at: Date | string;
  }>(sql`
    select u.id, u.display_name, u.email, u.role, u.created_at,
           (select count(*)::int from classes c where c.teacher_id = u.id and c.archived_at is null) as classes,
           (select count(distinct e.student_id)::int from classes c join enrollments e on e.class_id = c.id
             where c.teacher_id = u.id and c.archived_at is null) as students
    from users u
    where u.school_id = ${admin.schoolId} and u.role in ('teacher', 'admin')
    order by u.display_name`);
  return [...rows].map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email ?? "",
    role: r.role,
    classes: r.classes,
    students: r.students,
    joined: formatDate(r.created_at),
  }));
}

/** Any class of the admin's own school (read-only views), otherwise a 404. */
export async function requireSchoolClass(admin: SessionUser, classId: string) {
  if (!isUuid(classId)) notFound();
  const [row] = await db().execute<{ id: string; name: string; teacher_name: string; archived: boolean }>(sql`
    select c.id, c.name, t.display_name as teacher_name, c.archived_at is not null as archived
    from classes c join users t on t.id = c.teacher_id
    where c.id = ${classId} and c.school_id = ${admin.schoolId}`);
  if (!row) notFound();
  return { id: row.id, name: row.name, teacherName: row.teacher_name, archived: row.archived };
}
