import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RosterImport } from "~/components/teach/roster-import";
import { useT } from "~/i18n/use-t";
import { requireTeacherOf } from "~/models/classes.server";
import { rosterImportAction, type RosterImportView } from "~/forms/roster-import.server";
import { requireStaff } from "~/utils/auth.server";
import cardStyles from "~/styles/roster.css";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: cardStyles }];

/** /teach/classes/:classId/import: a roster file (OneRoster or a plain table) into this class; the teacher's own class only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  return { classId: cls.id, className: cls.name };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const teacher = await requireStaff(request);
  const cls = await requireTeacherOf(teacher, params.classId ?? "");
  const { view, status } = await rosterImportAction(request, teacher, { kind: "class", classId: cls.id });
  return data<RosterImportView>(view, { status });
}

export default function ClassRosterImport() {
  const { classId, className } = useLoaderData<typeof loader>();
  const view = useActionData<typeof action>() as RosterImportView | undefined;
  const t = useT();
  return (
    <section aria-labelledby="import-title">
      <p className="small no-print">
        <Link to={`/teach/classes/${classId}/roster`}>{t("teach.import.backToStudents")}</Link>
      </p>
      <h2 id="import-title" className="no-print">
        {t("teach.import.titleClass", { name: className })}
      </h2>
      <RosterImport view={view} school={false} cardsTitle={className} />
    </section>
  );
}
