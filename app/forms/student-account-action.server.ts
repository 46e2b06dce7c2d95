/**
 * The admin's account actions on a student (decision 008) — a new password, deletion — posted from
 * a class's admin page or from the overview's "students in no class": one action for both.
 */
import { data } from "@remix-run/node";
import { AdminStudentActionSchema } from "~/forms/admin.server";
import { adminDeleteStudent, adminResetPassword } from "~/models/admin-students.server";
import { printableCards, type PrintableCard } from "~/models/sign-in-cards.server";
import type { SessionUser } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";

export type StudentAccountResult = { errors: FieldErrors; cards: PrintableCard[]; notice: "reset" | "deleted" | null };

export async function studentAccountAction(admin: SessionUser, request: Request) {
  const parsed = validate(AdminStudentActionSchema, formObject(await readForm(request)));
  if (!parsed.ok) return data<StudentAccountResult>({ errors: parsed.errors, cards: [], notice: null }, { status: 400 });
  if (parsed.data.intent === "reset") {
    const card = await adminResetPassword(admin, parsed.data.studentId);
    return data<StudentAccountResult>({ errors: {}, cards: await printableCards(admin, [card]), notice: "reset" });
  }
  await adminDeleteStudent(admin, parsed.data.studentId);
  return data<StudentAccountResult>({ errors: {}, cards: [], notice: "deleted" });
}
