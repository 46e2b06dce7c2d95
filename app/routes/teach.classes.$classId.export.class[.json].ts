import type { LoaderFunctionArgs } from "@remix-run/node";
import { classJson } from "~/teach/class-export.server";
import { viewContextFor } from "~/teach/view-context.server";
import { attachment, exportFileName } from "~/utils/download";
import { requireStaff } from "~/utils/auth.server";

/** /teach/classes/:id/export/class.json — the whole class: progress, answers and assignments. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const ctx = await viewContextFor(request);
  const { body, className } = await classJson(teacher, params.classId ?? "", ctx);
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(exportFileName(className, ctx.t("teach.dash.export.jsonFile"), "json")),
      "Cache-Control": "private, no-store",
    },
  });
}
