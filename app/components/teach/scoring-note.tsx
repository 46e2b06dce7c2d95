/**
 * The short note on every teacher screen that shows quiz scores: how the honest-uncertainty rule
 * scores (app/course/scoring.ts), with a link to the full rule (/teach/scoring).
 */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function ScoringNote() {
  const t = useT();
  return (
    <p className="small muted scoring-note" data-testid="scoring-note">
      {t("teach.scoring.note")} <Link to="/teach/scoring">{t("teach.scoring.link")}</Link>
    </p>
  );
}
