/**
 * Context-window widget. `focus="timeline"`: context windows over time, drawn to scale, with a
 * linear/log switch. `focus="needle"`: a needle-in-a-haystack experiment with the mini model,
 * whose window is two pieces long, so learners see a tiny window forget the needle.
 */
import { useId, useMemo, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { Scale } from "./context-facts";
import { TimelineChart } from "./context-timeline";
import { DEPTHS, FIRST_CHOICE, WINDOW_SIZES } from "../../course/widgets/needle-choice";
import { haystackFor, layoutOf, listedWindow } from "./needle";
import { HaystackText, NeedleAnswer, NeedleResult, SizeChoice } from "./needle-view";
import type { WidgetProps } from "./registry";
import { postJson, useDebouncedEffect } from "./shared";
import type { NextTokenResponse, TokenizedSample } from "../../course/widgets/widget-data";
import { Button } from "~/components/ui/button";

export default function ContextWindowWidget({ props }: WidgetProps) {
  return props.focus === "needle" ? <NeedleExperiment /> : <Timeline />;
}

function Timeline() {
  const t = useT();
  const [scale, setScale] = useState<Scale>("linear");
  return (
    <section className="widget cw-widget" aria-label={t("widget.cw.title")}>
      <p className="widget-kicker">{t("widget.cw.title")}</p>
      <div className="segmented" role="group" aria-label={t("widget.cw.scale")}>
        <button type="button" aria-pressed={scale === "linear"} onClick={() => setScale("linear")}>
          {t("widget.cw.linear")}
        </button>
        <button type="button" aria-pressed={scale === "log"} onClick={() => setScale("log")}>
          {t("widget.cw.log")}
        </button>
      </div>
      <TimelineChart scale={scale} />
      <p className="small">{t(scale === "log" ? "widget.cw.explainLog" : "widget.cw.explainLinear")}</p>
      <p className="small muted widget-note">{t("widget.cw.pagesNote")}</p>
    </section>
  );
}

function NeedleExperiment() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [sentences, setSentences] = useState(FIRST_CHOICE.sentences);
  const [depth, setDepth] = useState(FIRST_CHOICE.depth);
  const [windowSize, setWindowSize] = useState(FIRST_CHOICE.window);
  const [sample, setSample] = useState<{ text: string; data: TokenizedSample } | null>(null);
  const [answer, setAnswer] = useState<{ text: string; answer: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const haystack = useMemo(() => haystackFor(t, { sentences, depth }, locale), [t, sentences, depth, locale]);

  useDebouncedEffect(
    (signal) => {
      void postJson<TokenizedSample>("/api/tokenize", { text: haystack.text }, t("widget.error.network"), signal).then((r) => {
        if (!r) return;
        if (r.ok) setSample({ text: haystack.text, data: r.data });
        else setError(r.error);
      });
    },
    [haystack.text],
    200,
  );

  const layout = sample && sample.text === haystack.text ? layoutOf(sample.data, haystack, windowSize) : null;

  async function ask() {
    setBusy(true);
    const r = await postJson<NextTokenResponse>(
      "/api/next-token",
      { context: haystack.text, mode: "top", count: 8, minPieces: 8, temperature: 0, locale },
      t("widget.error.network"),
    );
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setError(null);
      setAnswer({ text: haystack.text, answer: r.data.added.map((a) => a.piece).join("") });
    } else setError(r.error);
  }

  return (
    <section className="widget needle-widget" aria-label={t("widget.needle.title")}>
      <div className="widget-head">
        <p className="widget-kicker">{t("widget.needle.title")}</p>
        <span className="badge warn">{t("widget.miniModelBadge")}</span>
      </div>
      <p className="small">{t("widget.needle.intro")}</p>

      <div className="needle-controls">
        <div className="field">
          <label htmlFor={`${id}-depth`}>{t("widget.needle.depth", { n: depth })}</label>
          <input
            id={`${id}-depth`}
            type="range"
            min={DEPTHS[0]}
            max={DEPTHS[DEPTHS.length - 1]}
            step={DEPTHS[1] - DEPTHS[0]}
            value={depth}
            aria-describedby={`${id}-depth-hint`}
            onChange={(e) => setDepth(Number(e.target.value))}
          />
          <p id={`${id}-depth-hint`} className="hint">
            {t("widget.needle.depthHint")}
          </p>
        </div>
        <SizeChoice
          of="sentences"
          className="segmented"
          option={(n, label) => (
            <button key={n} type="button" aria-pressed={sentences === n} onClick={() => setSentences(n)}>
              {label}
            </button>
          )}
        />
        <SizeChoice
          of="window"
          className="segmented"
          option={(n, label) => (
            <button key={n} type="button" aria-pressed={windowSize === n} onClick={() => setWindowSize(n)}>
              {label}
            </button>
          )}
        />
      </div>

      <HaystackText text={haystack.text} spans={layout?.spans ?? null} />
      <p className="small muted">{t("widget.needle.legend")}</p>
      <NeedleResult outcome={layout && sample ? { ...layout, window: windowSize, listed: listedWindow(sample.data.pieces, windowSize) } : null} />

      <div className="row widget-actions">
        <Button type="button" className="primary" inactive={busy} onClick={ask}>
          {t("widget.needle.ask")}
        </Button>
        <a className="button secondary" href={`/playground?prefill=${encodeURIComponent(haystack.text)}`}>
          {t("widget.needle.tryClaude")}
        </a>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {answer && answer.text === haystack.text ? (
        <NeedleAnswer answer={answer.answer} window={(sample?.data.pieces ?? []).slice(-WINDOW_SIZES[0]).map((piece) => piece.text)} />
      ) : null}
      <p className="small muted widget-note">{t("widget.needle.claudeNote")}</p>
    </section>
  );
}
