import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminExportStudent } from "~/models/admin-students.server";
import { requireAdmin } from "~/utils/auth.server";
import { studentExportResponse } from "~/utils/student-export.server";

/** The admin's download of everything Lantern holds on one student of the school, every class included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return studentExportResponse(await adminExportStudent(admin, params.studentId ?? ""));
}
