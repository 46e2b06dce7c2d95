/**
 * Assignments: a lesson given to a whole class, or to chosen students of it, with an optional
 * due date. Overdue means: the due date has passed and the student has not completed the lesson.
 *
 * Teacher functions take the acting teacher and check the class inside the query (another
 * teacher's class or assignment is a 404). Students see their assignments on /learn through
 * the lesson engine's `listMyAssignments` (progress.server.ts).
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getCourse } from "~/course/course.server";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { requireTeacherOf } from "./classes.server";
import { formatDateTime } from "./dashboard-labels.server";

/**
 * A due date is a calendar day (the form has no time zone to offer without JavaScript): the
 * assignment is due at the end of that day in the server's time zone.
 */
export function endOfDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const NewAssignmentSchema = z.object({
  lesson: z.string("teach.dash.assign.lessonRequired").refine((slug) => getCourse().lessons.some((l) => l.slug === slug), "teach.dash.assign.lessonRequired"),
  due: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (DAY.test(v) && !Number.isNaN(endOfDay(v).getTime())), "teach.dash.assign.dueInvalid"),
  target: z.enum(["class", "students"], "form.invalid"),
  students: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .pipe(z.array(z.uuid("form.invalid")).max(500, "form.invalid")),
}).refine((v) => v.target === "class" || v.students.length > 0, { path: ["students"], message: "teach.dash.assign.pickStudents" });

export type NewAssignment = z.infer<typeof NewAssignmentSchema>;

/** The new assignment's id, or null when none of the chosen students is in the class (nothing is written). */
export async function createAssignment(teacher: SessionUser, classId: string, input: NewAssignment): Promise<string | null> {
  const cls = await requireTeacherOf(teacher, classId);
  const dueAt = input.due ? endOfDay(input.due) : null;
  const NONE_ENROLLED = Symbol("none enrolled");
  try {
    return await transaction(async () => {
    const tx = db();
    const [row] = await tx.execute<{ id: string }>(sql`
      insert into assignments (class_id, lesson_slug, due_at, created_by)
      values (${cls.id}, ${input.lesson}, ${dueAt ? dueAt.toISOString() : null}::timestamptz, ${teacher.id})
      returning id`);
    if (input.target === "students") {
      // Only students enrolled in this class can be chosen; other ids are silently left out.
      const added = await tx.execute<{ student_id: string }>(sql`
        insert into assignment_students (assignment_id, student_id)
        select ${row!.id}, e.student_id from enrollments e
        where e.class_id = ${cls.id} and e.student_id = any(${`{${input.students.join(",")}}`}::uuid[])
        returning student_id`);
      if (added.length === 0) throw NONE_ENROLLED;
    }
    return row!.id;
    });
  } catch (error) {
    if (error === NONE_ENROLLED) return null;
    throw error;
  }
}

export async function deleteAssignment(teacher: SessionUser, classId: string, assignmentId: string): Promise<void> {
  const cls = await requireTeacherOf(teacher, classId);
  const deleted = await db().execute(sql`
    delete from assignments where id = ${assignmentId}::uuid and class_id = ${cls.id} returning id`);
  if (deleted.length === 0) notFound();
}

export interface AssignmentView {
  id: string;
  lesson: string;
  lessonTitle: string;
  lessonNumber: number;
  dueAt: string | null;
  dueLabel: string;
  /** Everyone, or the chosen students' names. */
  wholeClass: boolean;
  targetNames: string[];
  assigned: number;
  completed: number;
  overdue: number;
  overdueNames: string[];
  pastDue: boolean;
  createdLabel: string;
}

type AssignmentRow = {
  id: string;
  lesson_slug: string;
  due_at: Date | string | null;
  created_at: Date | string;
  whole_class: boolean;
  target_names: string[] | null;
  assigned: number;
  completed: number;
  overdue_names: string[] | null;
  past_due: boolean;
};

/** The class's assignments with completion and overdue counts, in ONE statement. */
export async function listClassAssignments(
  teacher: SessionUser,
  classId: string,
  ctx: { locale: Locale; t: Translate },
): Promise<AssignmentView[]> {
  const cls = await requireTeacherOf(teacher, classId);
  const rows = await db().execute<AssignmentRow>(sql`
    with targets as (
      -- who each assignment is for: its chosen students, or everyone enrolled now
      select a.id as assignment_id, e.student_id
      from assignments a
      join enrollments e on e.class_id = a.class_id
      where a.class_id = ${cls.id}
        and (not exists (select 1 from assignment_students s where s.assignment_id = a.id)
             or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = e.student_id))
    )
    select a.id, a.lesson_slug, a.due_at, a.created_at,
           not exists (select 1 from assignment_students s where s.assignment_id = a.id) as whole_class,
           (select array_agg(u.display_name order by u.display_name) from assignment_students s join users u on u.id = s.student_id
             where s.assignment_id = a.id) as target_names,
           count(t.student_id)::int as assigned,
           count(t.student_id) filter (where lp.status = 'completed')::int as completed,
           array_agg(u.display_name order by u.display_name)
             filter (where a.due_at < now() and lp.status is distinct from 'completed') as overdue_names,
           coalesce(a.due_at < now(), false) as past_due
    from assignments a
    left join targets t on t.assignment_id = a.id
    left join users u on u.id = t.student_id
    left join lesson_progress lp on lp.user_id = t.student_id and lp.lesson_slug = a.lesson_slug
    where a.class_id = ${cls.id}
    group by a.id
    order by a.due_at nulls last, a.created_at`);
  const { locale } = ctx;
  const lessons = getCourse().lessons;
  return [...rows].map((r) => {
    const lesson = lessons.find((l) => l.slug === r.lesson_slug);
    const overdueNames = r.overdue_names ?? [];
    return {
      id: r.id,
      lesson: r.lesson_slug,
      lessonTitle: lesson?.content[locale].title ?? r.lesson_slug,
      lessonNumber: lesson?.number ?? 0,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      dueLabel: formatDateTime(r.due_at),
      wholeClass: r.whole_class,
      targetNames: r.target_names ?? [],
      assigned: r.assigned,
      completed: r.completed,
      overdue: overdueNames.length,
      overdueNames,
      pastDue: r.past_due,
      createdLabel: formatDateTime(r.created_at),
    };
  });
}
