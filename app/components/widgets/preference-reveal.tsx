/**
 * What a preference-lab choice reveals: whether it agrees with the AI judge's example label, the
 * label's reason, and how the class chose (a signed-in student's, once enough classmates have).
 * Shared by the widget and its no-JavaScript fallback (fallbacks.tsx).
 */
import { useLocale, useT } from "~/i18n/use-t";
import { percent, sentenceGap } from "./format";
import { pairAgreement, type ChoiceCounts } from "../../course/widgets/preference-math";
import type { PreferenceChoice, PreferencePair } from "../../course/widgets/widget-data";

type Counts = ChoiceCounts | null;

export function Reveal(p: { pair: PreferencePair; choice: PreferenceChoice; counts: Counts; student: boolean; minClassmates: number }) {
  const t = useT();
  const locale = useLocale();
  const agree = p.choice === p.pair.judge;
  const label = (c: PreferenceChoice) => (c === "a" ? "A" : "B");
  const rates = p.counts ? pairAgreement(p.counts, p.choice, p.pair.judge) : null;
  return (
    <div className="pref-reveal">
      <p>
        <strong>{agree ? `✓ ${t("widget.pref.agree")}` : `≠ ${t("widget.pref.disagree")}`}</strong>
        {sentenceGap(locale)}
        {t("widget.pref.judgeSaid", { judge: label(p.pair.judge) })}
      </p>
      <p className="pref-reason">{p.pair.reason}</p>
      {rates ? (
        <p>
          {t("widget.pref.classSame", { same: rates.same, total: rates.total, pct: percent(rates.sameShare, locale, 0) })}
          {sentenceGap(locale)}
          {t("widget.pref.classJudge", { pct: percent(rates.judgeShare, locale, 0) })}
        </p>
      ) : (
        <p className="small muted">
          {p.student ? t("widget.pref.classTooFew", { n: p.minClassmates }) : t("widget.pref.classVisitor")}
        </p>
      )}
    </div>
  );
}
