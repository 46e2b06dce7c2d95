import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n/catalogs.server";
import { approvedListCsv } from "~/models/model-connections.server";
import { attachment } from "~/utils/download";
import { requireAdmin } from "~/utils/auth.server";
import { localeOf } from "~/utils/locale-of.server";

/** /admin/models/approved.csv — every connection's models, approved or not, who approved them and when. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const t = translator(await localeOf(request));
  const header = [
    t("models.csv.connection"),
    t("models.kind"),
    t("models.baseUrl"),
    t("models.enabled"),
    t("models.modelId"),
    t("models.displayName"),
    t("models.contextWindow"),
    t("models.approved"),
    t("models.csv.approvedBy"),
    t("models.csv.approvedAt"),
  ];
  const csv = await approvedListCsv(admin, header);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`${t("models.csv.file")} - ${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
}
