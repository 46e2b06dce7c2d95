import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportOwnData } from "~/models/student-export.server";
import { requireUser } from "~/utils/auth.server";
import { studentExportResponse } from "~/utils/student-export.server";

/** A student's download of what Lantern holds on them (the account page); a 404 for staff. */
export async function loader({ request }: LoaderFunctionArgs) {
  return studentExportResponse(await exportOwnData(await requireUser(request)));
}
