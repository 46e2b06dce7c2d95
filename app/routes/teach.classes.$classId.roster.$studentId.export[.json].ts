import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportStudentData } from "~/models/student-export.server";
import { requireStaff } from "~/utils/auth.server";
import { studentExportResponse } from "~/utils/student-export.server";

/** What Lantern holds on one student as far as this teacher's classes reach, as a JSON download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  return studentExportResponse(await exportStudentData(teacher, params.classId ?? "", params.studentId ?? ""));
}
