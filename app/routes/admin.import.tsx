import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { RosterImport } from "~/components/teach/roster-import";
import { useT } from "~/i18n/use-t";
import { rosterImportAction, type RosterImportView } from "~/forms/roster-import.server";
import { requireAdmin } from "~/utils/auth.server";
import cardStyles from "~/styles/roster.css";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: cardStyles }];

/** /admin/import: the school's roster from its information system, creating and filling classes. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // an object, never null: Remix's legacy `?_data=` answer reads the loader's result as a
  // Response-or-data and fails with a 500 on null
  return {};
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { view, status } = await rosterImportAction(request, admin, { kind: "school" });
  return data<RosterImportView>(view, { status });
}

export default function SchoolRosterImport() {
  const view = useActionData<typeof action>() as RosterImportView | undefined;
  const t = useT();
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title" className="no-print">
        {t("teach.import.titleSchool")}
      </h2>
      <RosterImport view={view} school cardsTitle={t("teach.import.titleSchool")} />
    </section>
  );
}
