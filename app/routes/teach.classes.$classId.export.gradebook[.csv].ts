import type { LoaderFunctionArgs } from "@remix-run/node";
import { gradebookCsv } from "~/teach/gradebook.server";
import { parseProgressQuery } from "~/teach/progress-query.server";
import { viewContextFor } from "~/teach/view-context.server";
import { attachment, exportFileName } from "~/utils/download";
import { requireStaff } from "~/utils/auth.server";

/**
 * /teach/classes/:id/export/gradebook.csv — the class page's matrix as a spreadsheet. The same
 * query string as the page (sort, show, q), so the file holds exactly the rows on screen.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const query = parseProgressQuery(new URL(request.url).searchParams);
  const { csv, className } = await gradebookCsv(teacher, params.classId ?? "", query, ctx);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(exportFileName(className, ctx.t("teach.dash.export.gradebookFile"), "csv")),
      "Cache-Control": "private, no-store",
    },
  });
}
