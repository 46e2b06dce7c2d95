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

/**
 * What became of a create or an update. Nothing is written unless ok: none of the chosen
 * students is in the class; the lesson is already assigned to the same students (the whole class
 * twice, or a student named twice: `existingId` is the assignment to change instead); or an edit
 * moved the due moment into the past.
 */
export type AssignmentWrite =
  | { ok: true; id: string }
  | { ok: false; problem: "noneEnrolled" }
  | { ok: false; problem: "alreadyAssigned"; existingId: string }
  | { ok: false; problem: "dueInPast" };

/** Thrown inside the transaction to roll it back; turned into the refusal it carries. */
class Refusal {
  constructor(readonly outcome: Exclude<AssignmentWrite, { ok: true }>) {}
}

/** Two-key advisory locks have a key space of their own; this first key is the assignments'. */
const ASSIGN_LOCK = 7_461_202;

/**
 * Refuses (rolls back) when the lesson is already assigned to the same students: the whole class
 * again, or a student already named in another assignment of it. A whole-class assignment and a
 * named one of the same lesson may stand together: that is how students who joined late get a
 * due date of their own. The lock makes two processes assigning the same lesson to the same class
 * at once take turns, so the check cannot race (the unique index backs up the whole-class case).
 */
async function refuseDuplicate(classId: string, input: AssignmentInput, self: string | null): Promise<void> {
  const tx = db();
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSIGN_LOCK}, hashtext(${classId}::text || ':' || ${input.lesson}::text))`);
  const wholeClass = input.target === "class";
  const [existing] = await tx.execute<{ id: string }>(sql`
    select a.id from assignments a
    where a.class_id = ${classId} and a.lesson_slug = ${input.lesson} and a.id is distinct from ${self}::uuid
      and a.whole_class = ${wholeClass}
      and (${wholeClass} or exists (select 1 from assignment_students s
                                     where s.assignment_id = a.id and s.student_id = any(${`{${input.students.join(",")}}`}::uuid[])))
    order by a.created_at limit 1`);
  if (existing) throw new Refusal({ ok: false, problem: "alreadyAssigned", existingId: existing.id });
}

/** Who an assignment is for: its chosen students (only those enrolled in the class), or everyone. */
async function setTargets(assignmentId: string, classId: string, input: AssignmentInput): Promise<void> {
  const tx = db();
  await tx.execute(sql`update assignments set whole_class = ${input.target === "class"} where id = ${assignmentId}`);
  await tx.execute(sql`delete from assignment_students where assignment_id = ${assignmentId}`);
  if (input.target !== "students") return;
  // Only students enrolled in this class can be chosen; other ids are silently left out.
  const added = await tx.execute<{ student_id: string }>(sql`
    insert into assignment_students (assignment_id, student_id)
    select ${assignmentId}, e.student_id from enrollments e
    where e.class_id = ${classId} and e.student_id = any(${`{${input.students.join(",")}}`}::uuid[])
    returning student_id`);
  if (added.length === 0) throw new Refusal({ ok: false, problem: "noneEnrolled" });
}

/** Runs a write in one transaction; a refusal rolls it back and is returned. */
async function unlessRefused(work: () => Promise<string>): Promise<AssignmentWrite> {
  try {
    return { ok: true, id: await transaction(work) };
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

/** Assigns a lesson to the teacher's class (the form has already refused a due date in the past). */
export async function createAssignment(teacher: SessionUser, classId: string, input: AssignmentInput): Promise<AssignmentWrite> {
  const cls = await requireTeacherOf(teacher, classId);
  return unlessRefused(async () => {
    await refuseDuplicate(cls.id, input, null);
    const [row] = await db().execute<{ id: string }>(sql`
      insert into assignments (class_id, lesson_slug, due_at, instructions, whole_class, created_by)
      values (${cls.id}, ${input.lesson}, ${input.dueAt ? input.dueAt.toISOString() : null}::timestamptz, ${input.instructions},
              ${input.target === "class"}, ${teacher.id})
      returning id`);
    await setTargets(row!.id, cls.id, input);
    return row!.id;
  });
}

/**
 * Changes an assignment of the teacher's class: lesson, due moment, note and students, in one
 * transaction. Another class's assignment is a 404. A due moment already past may stay as it
 * was (the note of an overdue assignment can still be edited), but a changed one must not be
 * in the past.
 */
export async function updateAssignment(teacher: SessionUser, classId: string, assignmentId: string, input: AssignmentInput): Promise<AssignmentWrite> {
  const cls = await requireTeacherOf(teacher, classId);
  return unlessRefused(async () => {
    const [saved] = await db().execute<{ due_at: Date | string | null }>(sql`
      select due_at from assignments where id = ${assignmentId}::uuid and class_id = ${cls.id} for update`);
    if (!saved) notFound();
    const savedDue = saved.due_at === null ? null : new Date(saved.due_at).getTime();
    const newDue = input.dueAt?.getTime() ?? null;
    if (newDue !== null && newDue !== savedDue && newDue < Date.now()) throw new Refusal({ ok: false, problem: "dueInPast" });
    await refuseDuplicate(cls.id, input, assignmentId);
    await db().execute(sql`
      update assignments
         set lesson_slug = ${input.lesson}, due_at = ${input.dueAt ? input.dueAt.toISOString() : null}::timestamptz,
             instructions = ${input.instructions}
       where id = ${assignmentId}::uuid and class_id = ${cls.id}`);
    await setTargets(assignmentId, cls.id, input);
    return assignmentId;
  });
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
        and (a.whole_class
             or exists (select 1 from assignment_students s where s.assignment_id = a.id and s.student_id = e.student_id))
    )
    select a.id, a.lesson_slug, a.due_at, a.instructions, a.created_at,
           a.whole_class,
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
