/**
 * What the playground says while no model is connected and everyone uses the offline mini model.
 * Staff learn where a model is connected, Admin → Models (a walk as a teacher found only the
 * server's environment named): the admin gets a link there, a teacher is sent to the admin, who
 * alone can open the page. A student only hears that odd answers are part of the lesson.
 */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export type NoModelReader = "student" | "teacher" | "admin";

export function NoModelNote({ reader }: { reader: NoModelReader }) {
  const t = useT();
  if (reader === "student") return <p className="small muted">{t("playground.noKey.student")}</p>;
  if (reader === "teacher") return <p className="alert info">{t("playground.noKey.staff")}</p>;
  return (
    <p className="alert info">
      {t("playground.noKey.admin")} <Link to="/admin/models">{t("playground.noKey.adminLink")}</Link>
    </p>
  );
}
