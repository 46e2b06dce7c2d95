/**
 * Preference lab: the learner picks the better of two answers, then sees the AI judge's example
 * label and (for a signed-in student) how classmates chose — the idea behind RLHF and RLAIF.
 * A student's choices are saved through /api/preferences; a visitor's stay in the browser.
 */
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { percent } from "./format";
import type { WidgetProps } from "./registry";
import { agreementSummary, type ChoiceCounts } from "../../course/widgets/preference-math";
import { Reveal } from "./preference-reveal";
import { postJson } from "./shared";
import { preferencePairs, type PreferenceChoice, type PreferencePair, type PreferencesResponse } from "../../course/widgets/widget-data";
import { Button } from "~/components/ui/button";

type Counts = ChoiceCounts | null;

export default function PreferenceLab({ data, lessonSlug }: WidgetProps) {
  const t = useT();
  const locale = useLocale();
  const pairs = preferencePairs(data, locale);
  const [index, setIndex] = useState(0);
  const [mine, setMine] = useState<Record<string, PreferenceChoice>>({});
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const [student, setStudent] = useState<boolean | null>(null);
  const [minClassmates, setMinClassmates] = useState(3);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const revealRef = useRef<HTMLDivElement>(null);

  // Earlier choices and the class's totals (a student), or "not saved" (a visitor).
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/preferences?lesson=${encodeURIComponent(lessonSlug)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<PreferencesResponse>) : null))
      .then((body) => {
        if (!body) return;
        setStudent(body.student);
        setMine((m) => ({ ...body.mine, ...m }));
        setCounts((c) => ({ ...body.classCounts, ...c }));
        setMinClassmates(body.minClassmates);
      })
      .catch(() => setStudent((s) => s ?? false));
    return () => controller.abort();
  }, [lessonSlug]);

  if (pairs.length === 0) return <p className="muted">{t("widget.pref.none")}</p>;
  const done = pairs.filter((p) => mine[p.id]).length;
  const allDone = done === pairs.length;
  const pair = pairs[Math.min(index, pairs.length - 1)]!;
  const choice = mine[pair.id];

  async function choose(value: PreferenceChoice) {
    setBusy(true);
    setMine((m) => ({ ...m, [pair.id]: value }));
    const r = await postJson<PreferencesResponse>(
      "/api/preferences",
      { lesson: lessonSlug, pair: pair.id, choice: value },
      t("widget.error.network"),
    );
    setBusy(false);
    if (r && r.ok) {
      setError(null);
      setStudent(r.data.student);
      setCounts((c) => ({ ...c, ...r.data.classCounts }));
    } else if (r) setError(r.error);
    revealRef.current?.focus();
  }

  return (
    <section className="widget pref-widget" aria-label={t("widget.pref.title")}>
      <p className="widget-kicker">{t("widget.pref.title")}</p>
      <p className="small muted">{t(student ? "widget.pref.privacyStudent" : "widget.pref.privacyVisitor")}</p>

      <nav aria-label={t("widget.pref.pairsNav")}>
        <ol className="pair-nav">
          {pairs.map((p, i) => (
            <li key={p.id}>
              <button
                type="button"
                className="secondary chip-button"
                aria-current={i === index ? "step" : undefined}
                onClick={() => setIndex(i)}
              >
                {mine[p.id] ? "✓ " : ""}
                {t("widget.pref.pairN", { n: i + 1 })}
                <span className="visually-hidden"> {mine[p.id] ? t("widget.pref.chosen") : t("widget.pref.notChosen")}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <p className="small">{t("widget.pref.progress", { done, total: pairs.length })}</p>
      <div className="pref-prompt">
        <p className="small muted">{t("widget.pref.promptLabel", { n: index + 1 })}</p>
        <p>
          <strong>{pair.prompt}</strong>
        </p>
      </div>

      <div className="pref-answers">
        {(["a", "b"] as const).map((side) => (
          <div key={side} className={`pref-answer${choice === side ? " chosen" : ""}`}>
            <p className="pref-answer-head">
              <strong>{t(side === "a" ? "widget.pref.answerA" : "widget.pref.answerB")}</strong>
              {choice === side ? <span className="badge brand">{t("widget.pref.yourChoice")}</span> : null}
              {choice && pair.judge === side ? <span className="badge">{t("widget.pref.judgeChoice")}</span> : null}
            </p>
            <p>{pair[side]}</p>
            {choice ? null : (
              <Button type="button" className="primary" inactive={busy} onClick={() => choose(side)}>
                {t(side === "a" ? "widget.pref.chooseA" : "widget.pref.chooseB")}
              </Button>
            )}
          </div>
        ))}
      </div>

      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}

      <div ref={revealRef} tabIndex={-1} aria-live="polite" className="pref-reveal-wrap">
        {choice ? (
          <Reveal pair={pair} choice={choice} counts={counts[pair.id] ?? null} student={student === true} minClassmates={minClassmates} />
        ) : null}
      </div>

      <div className="row widget-actions">
        <Button type="button" className="secondary" inactive={index === 0} onClick={() => setIndex(index - 1)}>
          {t("widget.previous")}
        </Button>
        <Button type="button" className="secondary" inactive={index >= pairs.length - 1} onClick={() => setIndex(index + 1)}>
          {t("widget.next")}
        </Button>
      </div>

      {allDone ? <Summary pairs={pairs} mine={mine} counts={counts} /> : null}
    </section>
  );
}

function Summary({ pairs, mine, counts }: { pairs: PreferencePair[]; mine: Record<string, PreferenceChoice>; counts: Record<string, Counts> }) {
  const t = useT();
  const locale = useLocale();
  const summary = agreementSummary(pairs, mine, counts);
  return (
    <div className="pref-summary" role="status">
      <h4>{t("widget.pref.summaryTitle")}</h4>
      <ul>
        <li>
          {t("widget.pref.summaryJudge", {
            n: summary.withJudge,
            total: summary.chosen,
            pct: percent(summary.withJudge / Math.max(1, summary.chosen), locale, 0),
          })}
        </li>
        {summary.classSameShare !== null && summary.classJudgeShare !== null ? (
          <>
            <li>{t("widget.pref.summaryClass", { pct: percent(summary.classSameShare, locale, 0) })}</li>
            <li>{t("widget.pref.summaryClassJudge", { pct: percent(summary.classJudgeShare, locale, 0) })}</li>
          </>
        ) : null}
      </ul>
      <p>{t("widget.pref.summaryIdea")}</p>
    </div>
  );
}
