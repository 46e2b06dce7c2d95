import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportStudentData } from "~/models/students.server";
import { requireStaff } from "~/utils/auth.server";

/** Everything Lantern holds on one student, as a JSON download (a privacy request). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const exported = await exportStudentData(teacher, params.classId ?? "", params.studentId ?? "");
  const name = exported.student.username.replace(/[^a-z0-9._-]/gi, "_");
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="lantern-${name}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
