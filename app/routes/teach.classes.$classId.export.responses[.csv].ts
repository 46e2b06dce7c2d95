import type { LoaderFunctionArgs } from "@remix-run/node";
import { responsesCsv } from "~/teach/responses-export.server";
import { viewContextFor } from "~/teach/view-context.server";
import { attachment, exportFileName } from "~/utils/download";
import { requireStaff } from "~/utils/auth.server";

/** /teach/classes/:id/export/responses.csv — every quiz and check answer of the class, one row each. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const { csv, className } = await responsesCsv(teacher, params.classId ?? "", ctx);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(exportFileName(className, ctx.t("teach.dash.export.responsesFile"), "csv")),
      "Cache-Control": "private, no-store",
    },
  });
}
