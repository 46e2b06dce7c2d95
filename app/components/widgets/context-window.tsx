/**
 * Context-window widget. `focus="timeline"`: context windows over time, drawn to scale, with a
 * linear/log switch. `focus="needle"`: a needle-in-a-haystack experiment with the mini model,
 * whose window is two pieces long, so learners see a tiny window forget the needle.
 */
import { useId, useMemo, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import type { Scale } from "./context-facts";
import { TimelineChart } from "./context-timeline";
import { formatNumber, sentenceGap, visiblePiece } from "./format";
import { HAYSTACK_SIZES, WINDOW_SIZES, buildHaystack, spacerFor, type Haystack } from "./needle";
import type { WidgetProps } from "./registry";
import { postJson, useDebouncedEffect } from "./shared";
import type { NextTokenResponse, TokenizedSample } from "../../course/widgets/widget-data";

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

interface PieceSpan {
  text: string;
  needle: boolean;
  inWindow: boolean;
}

interface Layout {
  total: number;
  /** Tokens from the first token of the needle to the end of the text. */
  needleReach: number;
  spans: PieceSpan[];
}

/** Maps the tokenizer's pieces onto the haystack: which are the needle, which are in the window. */
function layoutOf(sample: TokenizedSample, haystack: Haystack, windowSize: number): Layout {
  const total = sample.count;
  let offset = 0;
  let tokensBefore = 0;
  let needleFirstToken = -1;
  const spans: PieceSpan[] = [];
  for (const piece of sample.pieces) {
    const start = offset;
    offset += piece.text.length;
    const needle = start < haystack.needleEnd && offset > haystack.needleStart;
    if (needle && needleFirstToken < 0) needleFirstToken = tokensBefore;
    tokensBefore += piece.ids.length;
    const inWindow = tokensBefore > total - windowSize;
    const last = spans.at(-1);
    if (last && last.needle === needle && last.inWindow === inWindow) last.text += piece.text;
    else spans.push({ text: piece.text, needle, inWindow });
  }
  return { total, needleReach: needleFirstToken < 0 ? total : total - needleFirstToken, spans };
}

function NeedleExperiment() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [sentences, setSentences] = useState<number>(HAYSTACK_SIZES[1]);
  const [depth, setDepth] = useState(50);
  const [windowSize, setWindowSize] = useState<number>(WINDOW_SIZES[0]);
  const [sample, setSample] = useState<{ text: string; data: TokenizedSample } | null>(null);
  const [answer, setAnswer] = useState<{ text: string; answer: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const haystack = useMemo(() => buildHaystack(t, sentences, depth / 100, spacerFor(locale)), [t, sentences, depth, locale]);

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
  const seen = layout ? layout.needleReach <= windowSize : false;

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
            min={0}
            max={100}
            step={10}
            value={depth}
            aria-describedby={`${id}-depth-hint`}
            onChange={(e) => setDepth(Number(e.target.value))}
          />
          <p id={`${id}-depth-hint`} className="hint">
            {t("widget.needle.depthHint")}
          </p>
        </div>
        <fieldset>
          <legend>{t("widget.needle.length")}</legend>
          <div className="segmented">
            {HAYSTACK_SIZES.map((n) => (
              <button key={n} type="button" aria-pressed={sentences === n} onClick={() => setSentences(n)}>
                {t("widget.needle.sentences", { n })}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("widget.needle.window")}</legend>
          <div className="segmented">
            {WINDOW_SIZES.map((n, i) => (
              <button key={n} type="button" aria-pressed={windowSize === n} onClick={() => setWindowSize(n)}>
                {i === 0 ? t("widget.needle.windowMini", { n }) : t("widget.needle.windowPretend", { n })}
              </button>
            ))}
          </div>
        </fieldset>
      </div>

      <div className="haystack" tabIndex={0} role="region" aria-label={t("widget.needle.haystackLabel")}>
        {layout
          ? layout.spans.map((s, i) => {
              const content = s.needle ? (
                <mark className="needle-mark">
                  <span className="needle-tag">{t("widget.needle.tag")}</span>{" "}
                  {s.text}
                </mark>
              ) : (
                s.text
              );
              return s.inWindow ? (
                <span key={i} className="in-window">
                  {content}
                </span>
              ) : (
                <span key={i}>{content}</span>
              );
            })
          : haystack.text}
      </div>
      <p className="small muted">{t("widget.needle.legend")}</p>

      <p className={`needle-result ${seen ? "seen" : "forgotten"}`} aria-live="polite">
        {layout ? (
          <>
            <strong>{seen ? t("widget.needle.inside") : t("widget.needle.outside")}</strong>
            {sentenceGap(locale)}
            {t("widget.needle.numbers", {
              total: formatNumber(layout.total, locale),
              reach: formatNumber(layout.needleReach, locale),
              window: formatNumber(windowSize, locale),
            })}
            {windowSize <= 16 && sample ? (
              <span className="window-pieces">
                {sentenceGap(locale)}
                {t("widget.needle.windowHolds")}{" "}
                {sample.data.pieces.slice(-windowSize).map((piece, i) => (
                  <span key={i} className="token tone-2">
                    {visiblePiece(piece.text)}
                  </span>
                ))}
              </span>
            ) : null}
          </>
        ) : (
          t("widget.loading")
        )}
      </p>

      <div className="row widget-actions">
        <button type="button" className="primary" disabled={busy} onClick={ask}>
          {t("widget.needle.ask")}
        </button>
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
        <div className="needle-answer" aria-live="polite">
          <p>
            {t("widget.needle.answered")} <q>{answer.answer.trim() || t("widget.nextToken.end")}</q>
          </p>
          <p className="small">
            {t("widget.needle.answeredWindow")}{" "}
            {(sample?.data.pieces ?? []).slice(-WINDOW_SIZES[0]).map((piece, i) => (
              <span key={i} className="token tone-2">
                {visiblePiece(piece.text)}
              </span>
            ))}
          </p>
        </div>
      ) : null}
      <p className="small muted widget-note">{t("widget.needle.claudeNote")}</p>
    </section>
  );
}
