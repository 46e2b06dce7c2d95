/**
 * How a needle-in-a-haystack run is shown, by the widget and by its no-JavaScript fallback (which
 * shows a run the server computed for the student's choice): one rendering, so the two cannot
 * drift apart.
 */
import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber, sentenceGap, visiblePiece } from "./format";
import { HAYSTACK_SIZES, WINDOW_SIZES } from "../../course/widgets/needle-choice";
import type { NeedleLayout, NeedleSpan } from "../../course/widgets/widget-data";

/**
 * The haystack's length or the window's size: the legend and each size's label, around the
 * widget's toggles or the fallback's radios (`option` draws one, keyed by its size).
 */
export function SizeChoice({ of, className, option }: { of: "sentences" | "window"; className: string; option: (size: number, label: string) => ReactNode }) {
  const t = useT();
  const sizes: readonly number[] = of === "sentences" ? HAYSTACK_SIZES : WINDOW_SIZES;
  const label = (n: number, i: number) =>
    of === "sentences" ? t("widget.needle.sentences", { n }) : i === 0 ? t("widget.needle.windowMini", { n }) : t("widget.needle.windowPretend", { n });
  return (
    <fieldset>
      <legend>{t(of === "sentences" ? "widget.needle.length" : "widget.needle.window")}</legend>
      <div className={className}>{sizes.map((n, i) => option(n, label(n, i)))}</div>
    </fieldset>
  );
}

/** The haystack and the question; with spans, the needle is marked and the window's part shaded. */
export function HaystackText({ text, spans }: { text: string; spans: NeedleSpan[] | null }) {
  const t = useT();
  return (
    <div className="haystack" tabIndex={0} role="region" aria-label={t("widget.needle.haystackLabel")}>
      {spans
        ? spans.map((s, i) => {
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
        : text}
    </div>
  );
}

export interface NeedleOutcome extends Omit<NeedleLayout, "spans"> {
  window: number;
  /** The window's last pieces; null when it is too long to list. */
  listed: string[] | null;
}

/** Inside or outside, and the numbers that say why; null while the tokens are on their way. */
export function NeedleResult({ outcome }: { outcome: NeedleOutcome | null }) {
  const t = useT();
  const locale = useLocale();
  const seen = outcome ? outcome.needleReach <= outcome.window : false;
  return (
    <p className={`needle-result ${seen ? "seen" : "forgotten"}`} aria-live="polite">
      {outcome ? (
        <>
          <strong>{seen ? t("widget.needle.inside") : t("widget.needle.outside")}</strong>
          {sentenceGap(locale)}
          {t("widget.needle.numbers", {
            total: formatNumber(outcome.total, locale),
            reach: formatNumber(outcome.needleReach, locale),
            window: formatNumber(outcome.window, locale),
          })}
          {outcome.listed ? (
            <span className="window-pieces">
              {sentenceGap(locale)}
              {t("widget.needle.windowHolds")} <Pieces pieces={outcome.listed} />
            </span>
          ) : null}
        </>
      ) : (
        t("widget.loading")
      )}
    </p>
  );
}

/** The mini model's greedy answer, and the few pieces it read to give it. */
export function NeedleAnswer({ answer, window }: { answer: string; window: string[] }) {
  const t = useT();
  return (
    <div className="needle-answer" aria-live="polite">
      <p>
        {t("widget.needle.answered")} <q>{answer.trim() || t("widget.nextToken.end")}</q>
      </p>
      <p className="small">
        {t("widget.needle.answeredWindow")} <Pieces pieces={window} />
      </p>
    </div>
  );
}

function Pieces({ pieces }: { pieces: string[] }) {
  return (
    <>
      {pieces.map((piece, i) => (
        <span key={i} className="token tone-2">
          {visiblePiece(piece)}
        </span>
      ))}
    </>
  );
}
