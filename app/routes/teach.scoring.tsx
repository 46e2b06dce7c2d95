import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OVERCONFIDENT_PENALTY } from "~/course/scoring";
import { translator } from "~/i18n/catalogs.server";
import { useT } from "~/i18n/use-t";
import { HELP_RULES } from "~/teach/help-rules";
import { requireStaff } from "~/utils/auth.server";
import { localeOf } from "~/utils/locale-of.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Lantern" }];

/**
 * The full quiz scoring rule for teachers, linked from the short note beside every score. The
 * points come from app/course/scoring.ts, so the page cannot drift from the rule it explains.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = translator(await localeOf(request));
  return {
    pageTitle: t("teach.scoring.pageTitle"),
    penalty: OVERCONFIDENT_PENALTY,
    signals: t("teach.scoring.signals", { percent: HELP_RULES.lowScorePercent, n: HELP_RULES.notSure }),
  };
}

/** "−½" rather than "-0.5": what teachers and students read on paper. */
function points(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "−" : "+";
  const abs = Math.abs(value);
  return `${sign}${abs === 0.5 ? "½" : String(abs)}`;
}

export default function ScoringPage() {
  const { penalty, signals } = useLoaderData<typeof loader>();
  const t = useT();
  const rows = [
    { outcome: t("teach.scoring.right"), value: 1 },
    { outcome: t("teach.scoring.notSure"), value: 0 },
    { outcome: t("teach.scoring.guess"), value: 0 },
    { outcome: t("teach.scoring.confidentWrong"), value: -penalty },
    { outcome: t("teach.scoring.noConfidence"), value: 0 },
  ];
  return (
    <main id="main" className="page stack" style={{ maxWidth: "48rem" }}>
      <h1>{t("teach.scoring.title")}</h1>
      <p>{t("teach.scoring.intro")}</p>
      <div className="table-scroll">
        <table data-testid="scoring-rule">
          <thead>
            <tr>
              <th scope="col">{t("teach.scoring.outcome")}</th>
              <th scope="col">{t("teach.scoring.points")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.outcome}>
                <th scope="row">{r.outcome}</th>
                <td>{points(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t("teach.scoring.total")}</p>
      <p>{t("teach.scoring.why")}</p>
      <h2>{t("teach.scoring.signalsTitle")}</h2>
      <p>{signals}</p>
    </main>
  );
}
