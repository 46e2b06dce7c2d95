import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Above a student's delete form: deleting them deletes their open safeguarding alerts too. */
export function OpenAlertsWarning({ name, count, alertsHref }: { name: string; count: number; alertsHref: string }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <p className="alert error small" data-testid="delete-open-alerts">
      {t("teach.roster.deleteOpenAlerts", { name, count })} <Link to={alertsHref}>{t("teach.roster.deleteOpenAlertsLink")}</Link>
    </p>
  );
}
