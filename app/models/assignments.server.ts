/**
 * Assignments: a lesson given to a whole class, or to chosen students of it, with an optional
 * due date and time and a note to the students. Overdue means: the due moment has passed, the
 * student has not completed the lesson, and they were in the class by then; a student who
 * joined after it "joined late" (the teacher can give them their own due date by assigning the
 * lesson to them by name).
 *
 * Teacher functions take the acting teacher and check the class inside the query (another
 * teacher's class or assignment is a 404). Students see their assignments on /learn through
 * the lesson engine's `listMyAssignments` (progress.server.ts).
 */
import { sql } from "drizzle-orm";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { getCourse } from "~/course/course.server";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { requireTeacherOf } from "./classes.server";
import { formatDateTime } from "~/utils/school-time.server";

/** An assignment as its form gives it (app/forms/assignments.server.ts): the due moment already an instant. */
export interface AssignmentInput {
  lesson: string;
  instructions: string | null;
  target: "class" | "students";
  students: string[];
  dueAt: Date | null;
}

const NONE_ENROLLED = Symbol("none enrolled");

/** Who an assignment is for: its chosen students (only those enrolled in the class), or everyone. */
async function setTargets(assignmentId: string, classId: string, input: AssignmentInput): Promise<void> {
  const tx = db();
  await tx.execute(sql`delete from assignment_students where assignment_id = ${assignmentId}`);
  if (input.target !== "students") return;
  // Only students enrolled in this class can be chosen; other ids are silently left out.
  const added = await tx.execute<{ student_id: string }>(sql`
    insert into assignment_students (assignment_id, student_id)
    select ${assignmentId}, e.student_id from enrollments e
    where e.class_id = ${classId} and e.student_id = any(${`{${input.students.join(",")}}`}::uuid[])
    returning student_id`);
  if (added.length === 0) throw NONE_ENROLLED;
}

/** Runs a write; null (and nothing written) when none of the chosen students is in the class. */
async function unlessNoneEnrolled<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await transaction(work);
  } catch (error) {
    if (error === NONE_ENROLLED) return null;
    throw error;
  }
}

/** The new assignment's id, or null when none of the chosen students is in the class (nothing is written). */
export async function createAssignment(teacher: SessionUser, classId: string, input: AssignmentInput): Promise<string | null> {
  const cls = await requireTeacherOf(teacher, classId);
  return unlessNoneEnrolled(async () => {
    const [row] = await db().execute<{ id: string }>(sql`
      insert into assignments (class_id, lesson_slug, due_at, instructions, created_by)
      values (${cls.id}, ${input.lesson}, ${input.dueAt ? input.dueAt.toISOString() : null}::timestamptz, ${input.instructions}, ${teacher.id})
      returning id`);
    await setTargets(row!.id, cls.id, input);
    return row!.id;
  });
}

/**
 * Changes an assignment of the teacher's class: lesson, due moment, note and students, in one
 * transaction. Another class's assignment is a 404; null when none of the chosen students is
 * in the class (nothing is written).
 */
export async function updateAssignment(teacher: SessionUser, classId: string, assignmentId: string, input: AssignmentInput): Promise<string | null> {
  const cls = await requireTeacherOf(teacher, classId);
  const NOT_FOUND = Symbol("not found");
  try {
    return await unlessNoneEnrolled(async () => {
      const updated = await db().execute<{ id: string }>(sql`
        update assignments
           set lesson_slug = ${input.lesson}, due_at = ${input.dueAt ? input.dueAt.toISOString() : null}::timestamptz,
               instructions = ${input.instructions}
         where id = ${assignmentId}::uuid and class_id = ${cls.id}
        returning id`);
      if (updated.length === 0) throw NOT_FOUND;
      await setTargets(assignmentId, cls.id, input);
      return assignmentId;
    });
  } catch (error) {
    if (error === NOT_FOUND) notFound();
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
  instructions: string | null;
  /** Everyone, or the chosen students' names and ids. */
  wholeClass: boolean;
  targetNames: string[];
  targetIds: string[];
  assigned: number;
  completed: number;
  overdue: number;
  overdueNames: string[];
  /** Not finished, but they joined the class after the due moment: not overdue. */
  joinedLateNames: string[];
  pastDue: boolean;
  createdLabel: string;
}

type AssignmentRow = {
  id: string;
  lesson_slug: string;
  due_at: Date | string | null;
  instructions: string | null;
  created_at: Date | string;
  whole_class: boolean;
  target_names: string[] | null;
  target_ids: string[] | null;
  assigned: number;
  completed: number;
  overdue_names: string[] | null;
  joined_late_names: string[] | null;
  past_due: boolean;
};

/** The class's assignments with completion, overdue and joined-late counts, in ONE statement. */
export async function listClassAssignments(
  teacher: SessionUser,
  classId: string,
  ctx: { locale: Locale; t: Translate },
): Promise<AssignmentView[]> {
  const cls = await requireTeacherOf(teacher, classId);
  const rows = await db().execute<AssignmentRow>(sql`
    with targets as (
      -- who each assignment is for: its chosen students, or everyone enrolled now; and when they joined
      select a.id as assignment_id, e.student_id, e.created_at as joined_at
      from assignments a
      join enrollments e on e.class_id = a.class_id
      where a.class_id = ${cls.id}
        and (not exists (select 1 from assignment_students s where s.assignment_id = a.id)
             or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = e.student_id))
    )
    select a.id, a.lesson_slug, a.due_at, a.instructions, a.created_at,
           not exists (select 1 from assignment_students s where s.assignment_id = a.id) as whole_class,
           (select array_agg(u.display_name order by u.display_name) from assignment_students s join users u on u.id = s.student_id
             where s.assignment_id = a.id) as target_names,
           (select array_agg(s.student_id) from assignment_students s where s.assignment_id = a.id) as target_ids,
           count(t.student_id)::int as assigned,
           count(t.student_id) filter (where lp.status = 'completed')::int as completed,
           array_agg(u.display_name order by u.display_name)
             filter (where a.due_at < now() and lp.status is distinct from 'completed' and t.joined_at <= a.due_at) as overdue_names,
           array_agg(u.display_name order by u.display_name)
             filter (where a.due_at < now() and lp.status is distinct from 'completed' and t.joined_at > a.due_at) as joined_late_names,
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
      instructions: r.instructions,
      wholeClass: r.whole_class,
      targetNames: r.target_names ?? [],
      targetIds: r.target_ids ?? [],
      assigned: r.assigned,
      completed: r.completed,
      overdue: overdueNames.length,
      overdueNames,
      joinedLateNames: r.joined_late_names ?? [],
      pastDue: r.past_due,
      createdLabel: formatDateTime(r.created_at),
    };
  });
}
