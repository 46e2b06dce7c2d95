import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/utils/auth.server";
import { viewContextFor } from "~/teach/view-context.server";
import { attachment } from "~/utils/download";
import { toCsv } from "~/utils/csv";

/**
 * /teach/roster-template.csv — a header row the roster import recognises, in the reader's
 * language ("Forename,Surname,Student number"; 姓名,学号), to fill in and import; `?for=school`
 * adds the class column the school's import needs. Nothing about any student is in it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { t } = await viewContextFor(request);
  const school = new URL(request.url).searchParams.get("for") === "school";
  const columns = t(school ? "teach.import.templateColumnsSchool" : "teach.import.templateColumnsClass")
    .split(/[,，]/)
    .map((c) => c.trim());
  return new Response(toCsv([columns]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`${t("teach.import.templateFile")}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
}
