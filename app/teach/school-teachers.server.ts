/** /admin/teachers: the school's staff, with how many classes and students each teaches. One statement. */
import { sql } from "drizzle-orm";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/school-time.server";

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
