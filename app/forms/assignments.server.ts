/** The assignment form (create and edit) of /teach/classes/:classId/assignments. */
import { z } from "zod";
import { getCourse } from "~/course/course.server";
import type { AssignmentInput } from "~/models/assignments.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { currentTimeZone } from "~/utils/request-scope.server";
import { instantAt, wallDay } from "~/utils/time-zone";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A due date without a time: the end of that day on the school's clocks. */
const DEFAULT_DUE_TIME = "23:59";

/**
 * One form creates and edits an assignment: lesson, due date and time (entered on the school's
 * clocks: the request's time zone), the note to students, and who it is for. The due moment is
 * worked out here, so the model only ever sees an instant.
 */
const assignmentFields = z.object({
  lesson: z.string("teach.dash.assign.lessonRequired").refine((slug) => getCourse().lessons.some((l) => l.slug === slug), "teach.dash.assign.lessonRequired"),
  due: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || DAY.test(v), "teach.dash.assign.dueInvalid"),
  dueTime: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : DEFAULT_DUE_TIME))
    .refine((v) => TIME.test(v), "teach.dash.assign.dueTimeInvalid"),
  instructions: z
    .string()
    .trim()
    .max(MAX_CHARS.assignmentInstructions, "teach.dash.assign.instructionsTooLong")
    .optional()
    .transform((v) => (v ? v.replace(/\r\n?/g, "\n") : null)),
  target: z.enum(["class", "students"], "form.invalid"),
  students: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : [v].flat()))
    .pipe(z.array(z.uuid("form.invalid")).max(500, "form.invalid")),
});

/**
 * Which field to blame for a due moment that has already passed, on the school's clocks: the
 * date when it is before today; the time when it is today but that time has gone (a date of
 * today with the default 23:59 is fine all day). Null when it is still ahead.
 */
export function passedDueField(dueAt: Date, zone: string, now = new Date()): "due" | "dueTime" | null {
  if (dueAt.getTime() >= now.getTime()) return null;
  return wallDay(dueAt, zone) < wallDay(now, zone) ? "due" : "dueTime";
}

export const PASSED_DUE_MESSAGES = { due: "teach.dash.assign.dueInPast", dueTime: "teach.dash.assign.dueTimeInPast" } as const;

function withDueMoment<T extends z.infer<typeof assignmentFields>>(schema: z.ZodType<T, unknown>, { refusePassed }: { refusePassed: boolean }) {
  return schema
    .refine((v) => v.target === "class" || v.students.length > 0, { path: ["students"], message: "teach.dash.assign.pickStudents" })
    .transform((v, ctx) => {
      const { due, dueTime, ...rest } = v;
      const zone = currentTimeZone();
      const dueAt = due ? instantAt(due, dueTime, zone) : null;
      if (due && !dueAt) {
        ctx.addIssue({ code: "custom", path: ["due"], message: "teach.dash.assign.dueInvalid" });
        return z.NEVER;
      }
      const passed = dueAt && refusePassed ? passedDueField(dueAt, zone) : null;
      if (passed) {
        ctx.addIssue({ code: "custom", path: [passed], message: PASSED_DUE_MESSAGES[passed] });
        return z.NEVER;
      }
      return { ...rest, dueAt };
    });
}

export const NewAssignmentSchema = withDueMoment(assignmentFields, { refusePassed: true }) satisfies z.ZodType<AssignmentInput, unknown>;
// An edit may keep a due moment that has passed (to fix the note of an overdue assignment); the
// model refuses moving it to another moment in the past, as it alone knows the saved one.
export const EditAssignmentSchema = withDueMoment(assignmentFields.extend({ assignmentId: z.uuid("form.invalid") }), { refusePassed: false });

export const DeleteAssignmentSchema = z.object({ intent: z.literal("delete"), assignmentId: z.uuid("form.invalid") });
